package cli

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/icetimer/icetimer/internal/testseed"
)

// hostileStrings are what hostile arguments carry: escape sequences that
// clear the screen, retitle the window, start a bracketed paste or a device
// control string, C1 controls, other controls and invalid UTF-8. Each
// argument holds at least one, so that none is valid input.
var hostileStrings = []string{
	"\x1b[2J", "\x1b]0;pwned\x07", "\x1b[200~", "\x1bP+q\x1b\\", "\x1b[31m", "\x9b31m", "\u009b", "\u0085",
	"\xff\xfe", "\xc3", "\x00", "\x7f", "\x08\x08\x08",
}

// fillers go around them: text that is valid alone, white space and
// punctuation that parsers split on, and a megabyte of text.
var fillers = []string{"ice 20m", "23:00", "--", "-", "=", " ", "\r", "\n", "\t", "é", "\u202e", strings.Repeat("A", 1<<20)}

// hostileCommandLines puts hostile strings where a command line takes text
// from outside: as a command, an argument, a flag's name or a flag's value.
func hostileCommandLines(r *rand.Rand, n int) [][]string {
	filler := func() string {
		s := fillers[r.IntN(len(fillers))]
		if len(s) > 1000 && r.IntN(20) != 0 {
			s = s[:r.IntN(1000)] // a megabyte now and then
		}
		return s
	}
	word := func() string {
		return filler() + hostileStrings[r.IntN(len(hostileStrings))] + filler()
	}
	shapes := []func(w string) []string{
		func(w string) []string { return []string{w} },
		func(w string) []string { return []string{"plan", w} },
		func(w string) []string { return []string{"plan", "--cycle", w} },
		func(w string) []string { return []string{"plan", "ice-20-20", "--quiet", w} },
		func(w string) []string { return []string{"plan", "ice-20-20", "--start", w} },
		func(w string) []string { return []string{"plan", "ice-20-20", "--hours", w} },
		func(w string) []string { return []string{"plan", "ice-then-heat", "--window", w} },
		func(w string) []string { return []string{"plan", "--cycle", "ice 1m", "--window", "1h", "--then", w} },
		func(w string) []string { return []string{"plan", "ice-20-20", "--" + w} },
		func(w string) []string { return []string{"plan", "ice-20-20", "--hours=" + w} },
		func(w string) []string { return []string{"status", w} },
		func(w string) []string { return []string{"history", "--" + w} },
		func(w string) []string { return []string{"presets", w} },
		func(w string) []string { return []string{"stop", "-" + w} },
		func(w string) []string { return []string{"run", "--cycle", w} },
		func(w string) []string { return []string{"start", "--quiet", w, "ice-20-20"} },
		func(w string) []string { return []string{"version", w} },
		func(w string) []string { return []string{"help", w} },
		func(w string) []string { return []string{"--" + w} },
		func(w string) []string { return []string{"-" + w} },
	}
	out := make([][]string, 0, n)
	for i := range n {
		out = append(out, shapes[i%len(shapes)](word()))
	}
	return out
}

// Thousands of hostile command lines: each is a usage error (exit 2), and
// nothing icetimer prints carries a control character or invalid UTF-8 to
// the terminal, however the argument was echoed (pflag's and cobra's own
// messages included).
func TestHostileArgumentsAreUsageErrorsWithoutControls(t *testing.T) {
	n := 4000
	if testing.Short() {
		n = 800
	}
	e := newTestEnv(t)
	r := rand.New(rand.NewPCG(testseed.FromEnv(t, "ICETIMER_ARGS_SEED"), 2))
	for _, args := range hostileCommandLines(r, n) {
		code, stdout, stderr := e.run(args...)
		if code != ExitUsage {
			t.Errorf("icetimer %.200q: exit %d, want %d (stderr %.200q)", args, code, ExitUsage, stderr)
		}
		for _, out := range []string{stdout, stderr} {
			if !utf8.ValidString(out) || strings.ContainsFunc(out, isControl) {
				t.Fatalf("icetimer %.200q printed a control character or invalid UTF-8: %.300q", args, out)
			}
		}
	}
}

// FuzzCommandLine: any one argument after any command: a usage error or a
// success, never a control character on the terminal.
func FuzzCommandLine(f *testing.F) {
	for _, s := range hostileStrings {
		f.Add("plan", s)
		f.Add("--"+s, "")
	}
	f.Fuzz(func(t *testing.T, cmd, arg string) {
		if cmd == "run" || cmd == "start" || cmd == "stop" || cmd == "" {
			t.Skip("drives a course, or opens the screen")
		}
		_, stdout, stderr := newTestEnv(t).run(cmd, arg)
		for _, out := range []string{stdout, stderr} {
			if !utf8.ValidString(out) || strings.ContainsFunc(out, isControl) {
				t.Fatalf("icetimer %q %q printed %q", cmd, arg, out)
			}
		}
	})
}
