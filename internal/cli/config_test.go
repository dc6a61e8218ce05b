package cli

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// physioConfig is a config file with a person's own preset.
const physioConfig = `clock = "12h"
quiet = "22:00-06:00"

[[preset]]
id     = "physio"
name   = "My physio's cycle"
cycle  = "ice 15m, rest 45m"
window = "2h"
then   = "heat 20m, rest 40m"
note   = "From my physiotherapist, 2026-11"
`

// An own preset is planned like a built-in one, both its stages; the
// config's quiet hours apply, and --quiet wins over them.
func TestOwnPresetThroughPlanJSON(t *testing.T) {
	e := newTestEnv(t)
	e.withConfig(t, physioConfig)
	plan := func(args ...string) document.Plan {
		t.Helper()
		code, out, stderr := e.run(append([]string{"plan", "physio", "--start", "2026-11-21T20:00:00Z", "--hours", "3", "--json"}, args...)...)
		var p document.Plan
		if err := json.Unmarshal([]byte(out), &p); code != 0 || err != nil {
			t.Fatalf("plan physio: exit %d, %v, %s", code, err, stderr)
		}
		return p
	}
	// Quiet hours are local time.
	useLocalZone(t, time.UTC)
	got := plan("--quiet", "off")
	want := []document.PlanPhase{
		{At: "2026-11-21T20:00:00Z", Kind: schedule.Ice, Seconds: 900, Stage: 1},
		{At: "2026-11-21T20:15:00Z", Kind: schedule.Rest, Seconds: 2700, Stage: 1},
		{At: "2026-11-21T21:00:00Z", Kind: schedule.Ice, Seconds: 900, Stage: 1},
		{At: "2026-11-21T21:15:00Z", Kind: schedule.Rest, Seconds: 2700, Stage: 1},
		{At: "2026-11-21T22:00:00Z", Kind: schedule.Heat, Seconds: 1200, Stage: 2},
		{At: "2026-11-21T22:20:00Z", Kind: schedule.Rest, Seconds: 2400, Stage: 2},
	}
	if got.Preset != "physio" || len(got.Phases) != len(want) {
		t.Fatalf("plan %+v, want %+v", got, want)
	}
	for i := range want {
		if got.Phases[i] != want[i] {
			t.Errorf("phase %d: %+v, want %+v", i, got.Phases[i], want[i])
		}
	}
	// Without --quiet, the config's 22:00-06:00 makes the night.
	if p := plan(); len(p.Phases) < 5 || p.Phases[4].Kind != schedule.Quiet || p.Phases[4].At != "2026-11-21T22:00:00Z" {
		t.Errorf("with the config's quiet hours: %+v; want quiet at 22:00", p.Phases)
	}
}

// The config's 12-hour clock reaches what a person reads.
func TestConfigClock(t *testing.T) {
	e := newTestEnv(t)
	e.withConfig(t, physioConfig)
	code, out, _ := e.run("plan", "physio", "--start", "2026-11-21T14:00:00Z", "--hours", "1")
	if code != 0 || !strings.Contains(out, "2:15:00 PM  REST") {
		t.Errorf("plan with clock = \"12h\": exit %d\n%s", code, out)
	}
	e.withConfig(t, "")
	if code, out, _ = e.run("plan", "ice-20-20", "--start", "2026-11-21T14:00:00Z", "--hours", "1"); code != 0 || !strings.Contains(out, "14:20:00  REST") {
		t.Errorf("plan with no config file: exit %d\n%s", code, out)
	}
}

func TestOwnPresetsAreListedAsYours(t *testing.T) {
	e := newTestEnv(t)
	e.withConfig(t, physioConfig)
	code, out, _ := e.run("presets")
	if code != 0 || !strings.Contains(out, "physio  My physio's cycle  (yours)\n  From my physiotherapist, 2026-11\n") ||
		strings.Contains(out, "Ice 20 on, 20 off  (yours)") {
		t.Errorf("presets: exit %d\n%s", code, out)
	}
	code, out, _ = e.run("presets", "--json")
	var list []document.Preset
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != len(schedule.Presets())+1 {
		t.Fatalf("presets --json: exit %d, %v, %d entries", code, err, len(list))
	}
	last := list[len(list)-1]
	if last.ID != "physio" || !last.Own || list[0].Own || last.Then == nil || *last.WindowSeconds != 7200 {
		t.Errorf("presets --json: %+v", last)
	}
}

// An own preset's window is the one its file gives: --window is refused.
func TestOwnPresetWindow(t *testing.T) {
	e := newTestEnv(t)
	e.withConfig(t, physioConfig)
	if code, _, stderr := e.run("plan", "physio", "--window", "3h"); code != ExitUsage || !strings.Contains(stderr, `preset physio has a fixed 2h window, set in the config file: change it there`) {
		t.Errorf("exit %d, %s", code, stderr)
	}
}

// A bad config file never keeps anyone from a course (issue 22): every
// command that reads it warns in one line, its first problem as FILE:LINE
// and how many more, and goes on with the defaults; 'config check' lists
// every problem with exit 2.
func TestBadConfigFile(t *testing.T) {
	e := newTestEnv(t)
	path := e.withConfig(t, "sound = \"yes\"\n[[preset]]\nid = \"ice-20-20\"\ncycle = \"ice 40m, rest 20m\"\n")
	want := []string{
		path + `:1: sound = "yes": want true or false (no quotes)`,
		path + `:3: preset id "ice-20-20" is a built-in preset's: choose another id`,
		path + `:4: ice 40m is too long: one ice application lasts at most 30m`,
	}
	code, stdout, stderr := e.run("config", "check")
	if code != ExitUsage || stdout != "" || !strings.HasPrefix(stderr, "icetimer: "+want[0]) {
		t.Errorf("config check: exit %d, stdout %q, stderr %q; want exit 2 and %q first", code, stdout, stderr, want[0])
	}
	for _, w := range want[1:] {
		if !strings.Contains(stderr, "\n"+w) {
			t.Errorf("config check: stderr %q lacks %q", stderr, w)
		}
	}
	warning := "icetimer: warning: the config file is not used, the defaults are: " + want[0] + " (and 2 more problems: 'icetimer config check' lists them)\n"
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"plan", "ice-20-20", "--hours", "1"}, 0},
		{[]string{"plan", "--cycle", "ice 20m, rest 20m", "--hours", "1"}, 0},
		{[]string{"presets"}, 0},
		{[]string{"status"}, ExitNoCourse},
		{[]string{"ack"}, ExitNoCourse},
		{[]string{"stop"}, ExitNoCourse},
		{[]string{"run"}, ExitNoCourse},
		{[]string{"run", "--repeat", "1m"}, ExitNoCourse},
	} {
		code, _, stderr := e.run(tc.args...)
		if code != tc.code || !strings.HasPrefix(stderr, warning) {
			t.Errorf("icetimer %q with a bad config file: exit %d, %q; want exit %d after the one-line warning %q", tc.args, code, stderr, tc.code, warning)
		}
	}
	for _, args := range [][]string{{"config", "path"}, {"version"}, {"man"}, {"completion", "bash"}} {
		if code, _, stderr := e.run(args...); code != 0 || stderr != "" {
			t.Errorf("icetimer %q with a bad config file: exit %d, %s", args, code, stderr)
		}
	}
}

// An own preset of a file with a mistake says why it is missing.
func TestOwnPresetOfABrokenFile(t *testing.T) {
	e := newTestEnv(t)
	path := e.withConfig(t, "qiet = \"22:00-06:00\"\n"+physioConfig[strings.Index(physioConfig, "[[preset]]"):])
	code, _, stderr := e.run("plan", "physio")
	want := "icetimer: physio is in the config file, which has a mistake: " + path + ":1: unknown key qiet"
	if code != ExitUsage || !strings.Contains(stderr, want) {
		t.Errorf("plan physio: exit %d, %q; want exit 2 and %q", code, stderr, want)
	}
}

// config init writes the commented default file (golden), which reads as
// the defaults, and never writes over a file.
func TestConfigInit(t *testing.T) {
	e := newTestEnv(t)
	path := e.withConfig(t, "")
	code, out, stderr := e.run("config", "path")
	if code != 0 || out != path+"\n" || !strings.Contains(stderr, "config init") {
		t.Errorf("config path: exit %d, %q, %q", code, out, stderr)
	}
	if code, out, _ := e.run("config", "check"); code != 0 || !strings.Contains(out, "no file; the defaults apply") {
		t.Errorf("config check with no file: exit %d, %q", code, out)
	}
	if code, out, stderr = e.run("config", "init"); code != 0 || out != "wrote "+path+"\n" {
		t.Fatalf("config init: exit %d, %q, %q", code, out, stderr)
	}
	written, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "config-init.golden")
	if *update {
		if err := os.WriteFile(golden, written, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want, err := os.ReadFile(golden); err != nil || string(written) != string(want) {
		t.Errorf("config init wrote\n%s\nwant (%s, go test -update to rewrite)\n%s", written, golden, want)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("config file mode: %v, %v; want 0600 (it may hold a token)", info.Mode(), err)
	}
	if c, err := config.Load(path); err != nil || c.Quiet != config.DefaultQuiet || len(c.Presets) != 0 {
		t.Errorf("the file config init wrote reads as %+v, %v", c, err)
	}
	if code, out, _ := e.run("config", "check"); code != 0 || !strings.Contains(out, path+": ok\nquiet 23:00-07:00, sound true, repeat 2m, clock 24h\n") {
		t.Errorf("config check: exit %d, %q", code, out)
	}
	os.WriteFile(path, []byte("# mine\n"), 0o600)
	if code, _, stderr := e.run("config", "init"); code != ExitFailure || !strings.Contains(stderr, path+" is there already") {
		t.Errorf("config init over a file: exit %d, %q", code, stderr)
	}
	if data, _ := os.ReadFile(path); string(data) != "# mine\n" {
		t.Errorf("config init wrote over a file: %q", data)
	}
	if code, _, stderr := e.run("config", "edit"); code != ExitUsage || !strings.Contains(stderr, "config needs one of path, init or check") {
		t.Errorf("config edit: exit %d, %q", code, stderr)
	}
}

// --sound, --voice and --repeat default to the config file's; given, they
// win; a value that is neither on nor off is refused, saying what is.
func TestRemindersFollowTheConfigFile(t *testing.T) {
	e := newTestEnv(t)
	c, err := config.Load(e.withConfig(t, "sound = false\nvoice = true\nrepeat = \"off\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want Reminding
		err  string
	}{
		{nil, Reminding{Repeat: config.RepeatOff, Sound: false, Voice: true}, ""},
		{[]string{"--repeat", "30s", "--sound", "on", "--voice", "OFF"}, Reminding{Repeat: 30 * time.Second, Sound: true}, ""},
		{[]string{"--voice", "yes"}, Reminding{}, `--voice "yes": want "on" or "off"`},
	} {
		var f CourseFlags
		cmd := &cobra.Command{}
		f.registerReminders(cmd)
		if err := cmd.Flags().Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		got, err := f.reminders(c)
		switch {
		case tc.err != "" && (err == nil || err.Error() != tc.err || exitStatus(err) != ExitUsage):
			t.Errorf("%q: %v, want usage error %q", tc.args, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("%q: %+v, %v; want %+v", tc.args, got, err, tc.want)
		}
	}
}

// A config file others can write runs no hook and reaches no phone: the
// command says so on stderr, with the fix, and goes on (issue 23).
func TestAConfigOthersCanWriteIsWarnedOf(t *testing.T) {
	e := newTestEnv(t)
	path := e.withConfig(t, "[hooks]\non_change = \"true\"\n")
	if err := os.Chmod(path, 0o666); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"presets"}, {"config", "check"}} {
		code, _, errOut := e.run(args...)
		if code != 0 || !strings.Contains(errOut, "warning: ") || !strings.Contains(errOut, "chmod 600") {
			t.Errorf("%v: exit %d, stderr %q; want a warning with the fix", args, code, errOut)
		}
	}
}

// A typo in the config file and `icetimer start ice-20-20`: the course
// starts after a one-line warning, and the screen runs; here q and n quit
// it with no reminders kept, which it says (exit 0).
func TestStartWithATypoInTheConfigFile(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	e := newTestEnv(t)
	path := e.withConfig(t, "qiet = \"22:00-06:00\"\n")
	e.IsTerminal, e.In = true, strings.NewReader("qn")
	code, stdout, stderr := e.run("start", "ice-20-20", "--sound", "off")
	if code != 0 || !strings.HasPrefix(stderr, "icetimer: warning: the config file is not used, the defaults are: "+path+":1: unknown key qiet") ||
		strings.Count(stderr, "\n") != 1 {
		t.Fatalf("start with a typo: exit %d, stderr %q; want exit 0 after a one-line warning", code, stderr)
	}
	if !strings.Contains(stdout, words.RemindersOff) {
		t.Errorf("quitting with no reminders kept did not say so: %q", stdout[max(len(stdout)-300, 0):])
	}
	c, err := store.ReadOnly(e.StateDir).Load()
	if err != nil || c.Preset != "ice-20-20" {
		t.Fatalf("saved %+v, %v; want the ice-20-20 course", c, err)
	}
}
