//go:build linux || darwin

package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The plain screen (issue 26) in tmux under script(1), on a dumb terminal:
// past the typescript's first line there are only lines appended (no escape
// sequence at all, so no cursor addressing, no alternate screen, no
// repaint), and the keys and a command from another terminal work, each
// said in a line.
func TestPlainScreenOnlyAppendsLines(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		skipOrFail(t, "script(1) is not installed (util-linux)")
	}
	s := newTmux(t)
	typescript := filepath.Join(t.TempDir(), "typescript")
	// Ice for 62 s: its last minute begins 2 s in, and is said.
	// Wide enough that no line the test waits for is wrapped.
	s.runSized("plain", 200, 50, "env TERM=dumb script -q -f -c \""+binary+" start --cycle 'ice 62s, rest 1m' --quiet off --plain\" "+typescript)
	s.waitFor("plain", "Put the ice pack on. Ice 2 minutes, until ", 10*time.Second)
	s.waitFor("plain", "Ice: 1 minute left, until ", 10*time.Second)
	s.keys("plain", "Space")
	s.waitFor("plain", "Paused: take the ice pack off while paused.", 5*time.Second)
	s.keys("plain", "t")
	s.waitFor("plain", " of ice left: press space to resume.", 5*time.Second)
	s.keys("plain", "Space")
	s.waitFor("plain", "Resumed: ice until ", 5*time.Second)
	if out, errOut, code := runIcetimer(t, s.state, "skip"); code != 0 {
		t.Fatalf("icetimer skip from another terminal: exit %d, %q %q", code, out, errOut)
	}
	s.waitFor("plain", "Skipped: rest until ", 5*time.Second)
	s.waitFor("plain", "(from another terminal).", 5*time.Second)
	s.keys("plain", "t")
	s.waitFor("plain", " left, then ice at ", 5*time.Second)
	s.keys("plain", "q")
	s.waitFor("plain", "Quit: keep reminding you in the background?", 5*time.Second)
	s.keys("plain", "n")
	// The screen says its last line and ends at once, and the window and
	// tmux with it: the typescript, not the pane, shows that line.
	var data []byte
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		var err error
		if data, err = os.ReadFile(typescript); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("\nScript done")) || time.Now().After(deadline) {
			break
		}
	}
	_, output, ok := bytes.Cut(data, []byte("\n"))
	if !ok || !bytes.HasPrefix(data, []byte("Script started")) {
		t.Fatalf("the typescript does not begin with script's line:\n%q", data)
	}
	if esc := bytes.IndexByte(output, 0x1b); esc >= 0 {
		t.Errorf("an escape sequence after the first line, at byte %d: %q", esc, output[max(0, esc-40):min(len(output), esc+40)])
	}
	// Every carriage return ends a line: none goes back over one.
	if bare := regexp.MustCompile("\r[^\n]").Find(output); bare != nil {
		t.Errorf("a carriage return that does not end a line: %q", bare)
	}
	if bytes.ContainsAny(output, "\b") {
		t.Error("a backspace in the output")
	}
	lines := strings.Split(strings.TrimSpace(string(output)), "\r\n")
	t.Logf("%d lines, the first %q, the last %q", len(lines), lines[0], lines[len(lines)-1])
	for _, want := range []string{"icetimer: the custom course started", "Put the ice pack on.", "Ice: 1 minute left", "Paused:",
		"Paused, with ", "Resumed:", "Skipped: rest until", "Rest: ", "Quit:", "No reminders until icetimer is opened again"} {
		if !bytes.Contains(output, []byte(want)) {
			t.Errorf("the typescript does not say %q", want)
		}
	}
}

// A plain screen whose terminal closes (tmux kill-session: SIGHUP) hands
// its course to a background run, as the timer screen does, which keeps
// its voice: run.log says who took over, and the run's command line says
// --voice on.
func TestAClosedPlainScreenHandsItsCourseOver(t *testing.T) {
	s := newTmux(t)
	s.run("plain", binary+" start --cycle 'ice 20m, rest 20m' --quiet off --sound off --voice on --plain")
	s.waitFor("plain", "Put the ice pack on.", 10*time.Second)
	s.tmux("kill-session", "-t", "t")
	log := filepath.Join(s.state, "icetimer", "run.log")
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		data, _ := os.ReadFile(log)
		if strings.Contains(string(data), "Reminding from here on: the screen's terminal closed (SIGHUP)") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("run.log does not say who took over within 10 s: %q", data)
		}
	}
	_, errOut, code := runIcetimer(t, s.state, "run")
	if code != 1 || !strings.Contains(errOut, "icetimer run") || !strings.Contains(errOut, "--voice on") {
		t.Fatalf("a second run: exit %d, %q; want refused, naming the background run with --voice on", code, errOut)
	}
}
