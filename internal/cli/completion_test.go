package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/ui/timer"
)

// complete asks for completions as the shell scripts do (cobra's
// __complete) and returns the candidates without their descriptions.
func (e *testEnv) complete(t *testing.T, args ...string) []string {
	t.Helper()
	code, out, stderr := e.run(append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("__complete %q: exit %d, %s", args, code, stderr)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, ":") { // the last line is the directive
			got = append(got, strings.SplitN(line, "\t", 2)[0])
		}
	}
	return got
}

func TestCompletion(t *testing.T) {
	e := newTestEnv(t)
	e.withConfig(t, physioConfig)
	ids := append(config.Default().PresetIDs(), "physio")
	for _, sub := range []string{"start", "run", "plan"} {
		if got := e.complete(t, sub, ""); !slices.Equal(got, ids) {
			t.Errorf("%s <TAB>: %q, want %q", sub, got, ids)
		}
	}
	if got := e.complete(t, "start", "ph"); !slices.Equal(got, []string{"physio"}) {
		t.Errorf("start ph<TAB>: %q", got)
	}
	if got := e.complete(t, "start", "physio", ""); len(got) != 0 {
		t.Errorf("a second preset is offered: %q", got)
	}
	if got := e.complete(t, "plan", "--quiet", ""); !slices.Equal(got, []string{"22:00-06:00", "23:00-07:00", "00:00-08:00", "off"}) {
		t.Errorf("--quiet <TAB>: %q, want the config's first", got)
	}
	if got := e.complete(t, "plan", "--cycle", ""); !slices.Equal(got, []string{"ice", "heat", "rest"}) {
		t.Errorf("--cycle <TAB>: %q", got)
	}
	if got := e.complete(t, "run", "--then", "heat 20m, r"); !slices.Equal(got, []string{"heat 20m, rest"}) {
		t.Errorf("--then \"heat 20m, r<TAB>: %q", got)
	}
	if got := e.complete(t, "start", "ice-then-heat", "--window", ""); !slices.Equal(got, []string{"48h", "60h", "72h"}) {
		t.Errorf("ice-then-heat --window <TAB>: %q", got)
	}
	if got := e.complete(t, "start", "--voice", ""); !slices.Equal(got, []string{"on", "off"}) {
		t.Errorf("--voice <TAB>: %q", got)
	}
	if got := e.complete(t, "config", ""); !slices.Equal(got, []string{"check", "init", "path"}) {
		t.Errorf("config <TAB>: %q", got)
	}
	// A bad config file leaves the own presets out, never the built-in ones.
	e.withConfig(t, "colour = 1\n")
	if got := e.complete(t, "start", ""); !slices.Equal(got, config.Default().PresetIDs()) {
		t.Errorf("start <TAB> with a bad config file: %q", got)
	}
}

func TestCompletionScripts(t *testing.T) {
	e := newTestEnv(t)
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		code, out, stderr := e.run("completion", shell)
		if code != 0 || !strings.Contains(out, "__complete") || !strings.Contains(out, "icetimer") {
			t.Errorf("completion %s: exit %d, %d bytes, %s", shell, code, len(out), stderr)
		}
	}
}

func TestVersionFlagIsTheVersionCommand(t *testing.T) {
	e := newTestEnv(t)
	_, version, _ := e.run("version")
	if code, out, _ := e.run("--version"); code != 0 || out != version || !strings.HasPrefix(out, "icetimer ") {
		t.Errorf("--version: exit %d, %q; version says %q", code, out, version)
	}
}

func TestManPage(t *testing.T) {
	e := newTestEnv(t)
	code, out, _ := e.run("man")
	if code != 0 || !strings.HasPrefix(out, ".TH ") || strings.Contains(out, "MISSING") {
		t.Fatalf("man: exit %d, %.80q", code, out)
	}
	for _, want := range []string{"ICETIMER", "\n.SH FILES", "icetimer/config", "\n.SH ENVIRONMENT", "\n.SH EXIT STATUS", "presets", "config", "--quiet", "not a medical device", "\n.SH KEYS"} {
		if !strings.Contains(out, want) {
			t.Errorf("the man page lacks %q", want)
		}
	}
	// Every key of the screen's full help, with what it does.
	for _, k := range timer.DefaultKeyMap().Described() {
		if !strings.Contains(out, k[0]+"  "+k[1]) && !strings.Contains(out, `\`+k[0]+"  "+k[1]) {
			t.Errorf("the man page lacks the key %s (%s)", k[0], k[1])
		}
	}
}
