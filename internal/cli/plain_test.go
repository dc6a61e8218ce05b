package cli

import (
	"strings"
	"testing"

	"github.com/icetimer/icetimer/internal/words"
)

// The plain screen from the command line: with no course it has no picker
// and says how to start one (exit 3); start --plain shows a new course and
// takes its keys (here t, then q and n: quit, no reminders); icetimer
// --plain resumes the saved course, saying where it stands.
func TestPlainFromTheCommandLine(t *testing.T) {
	e := newTestEnv(t)
	e.IsTerminal = true
	code, _, stderr := e.run("--plain")
	if code != ExitNoCourse || !strings.Contains(stderr, "no course is running. The plain mode has no picker: start a course with 'icetimer start PRESET --plain'") {
		t.Fatalf("--plain with no course: exit %d, %q", code, stderr)
	}

	e.In = strings.NewReader("tqn")
	code, out, stderr := e.run("start", "--cycle", "ice 20m, rest 20m", "--quiet", "off", "--sound", "off", "--plain")
	for _, want := range []string{"icetimer: the custom course started", "Put the ice pack on. Ice 20 minutes, until ",
		"Ice: 20 minutes left, until ", words.QuitQuestion.Full, words.RemindersOff} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("start --plain, keys t q n: exit %d, stderr %q; stdout does not say %q:\n%s", code, stderr, want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("an escape sequence in the plain screen's output: %q", out)
	}

	e.In = strings.NewReader("qn")
	code, out, stderr = e.run("--plain")
	if code != 0 || !strings.Contains(out, "Ice: 20 minutes left, until ") || strings.Contains(out, "Put the ice pack on") {
		t.Errorf("--plain on the saved course: exit %d, stderr %q, stdout:\n%s\nwant where it stands, and no change told again", code, stderr, out)
	}
}
