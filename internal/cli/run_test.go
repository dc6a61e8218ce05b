package cli

import (
	"strings"
	"testing"
)

func TestRunUsageErrors(t *testing.T) {
	e := newTestEnv(t)
	for _, args := range [][]string{
		{"run", "no-such-preset"},
		{"run", "--cycle", "ice 0s"},
		{"run", "ice-20-20", "--cycle", "ice 1s"},
		{"run", "--cycle", "ice 1s", "--quiet", "noon"},
	} {
		if code, stdout, stderr := e.run(args...); code != ExitUsage || stdout != "" ||
			strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "icetimer: ") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line on stderr", args, code, stdout, stderr)
		}
	}
}

// With nothing to resume, run says so: exit 3, like status.
func TestRunWithNoCourseToResume(t *testing.T) {
	e := newTestEnv(t)
	if code, _, stderr := e.run("run"); code != ExitNoCourse || !strings.Contains(stderr, "no saved course") {
		t.Errorf("run with nothing saved: exit %d, stderr %q; want exit 3 and a message", code, stderr)
	}
}

// Issue 23: a bad flag is a usage error (exit 2) before the saved course
// is looked for, so with none saved it is not "no saved course" (exit 3).
// A flag that only sets up a new course is bad when run resumes.
func TestBadFlagsComeBeforeTheSavedCourse(t *testing.T) {
	e := newTestEnv(t)
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"run", "--window", "$(id)"}, "--window sets up a new course: give a preset or --cycle with it"},
		{[]string{"run", "--window", "48h"}, "--window sets up a new course"},
		{[]string{"run", "--quiet", "noon"}, "--quiet sets up a new course"},
		{[]string{"run", "--repeat", "often"}, "--repeat"},
		{[]string{"run", "--sound", "loud"}, `--sound "loud": want "on" or "off"`},
		{[]string{"start", "ice-20-20", "--window", "$(id)"}, "--window for ice-20-20"},
		{[]string{"pain", "5", "--at", "tea time"}, "--at"},
		{[]string{"pain", "eleven"}, "want a whole number"},
		{[]string{"history", "--days", "0"}, "--days 0"},
		{[]string{"report", "--format", "pdf"}, "--format"},
		{[]string{"status", "--days", "1"}, "unknown flag: --days"},
		{[]string{"stop", "now"}, "unknown command"},
		{[]string{"ack", "--all"}, "unknown flag: --all"},
		{[]string{"next-stage", "heat"}, "unknown command"},
	} {
		code, stdout, stderr := e.run(tc.args...)
		if code != ExitUsage || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.says) {
			t.Errorf("%q with no saved course: exit %d, stdout %q, stderr %q; want exit 2 and one line saying %q", tc.args, code, stdout, stderr, tc.says)
		}
	}
}
