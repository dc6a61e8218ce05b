package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// steppedClock is the clock of an icetimer built with the test clock hook
// (testclock.go): real time plus an offset the test sets.
type steppedClock struct {
	path   string
	offset time.Duration
}

func newSteppedClock(t *testing.T) *steppedClock {
	c := &steppedClock{path: filepath.Join(t.TempDir(), "offset")}
	c.step(t, 0)
	return c
}

// step moves the clock by d, atomically: the process may read at any time.
func (c *steppedClock) step(t *testing.T, d time.Duration) {
	t.Helper()
	c.offset += d
	tmp := c.path + ".tmp"
	if err := os.WriteFile(tmp, []byte(c.offset.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, c.path); err != nil {
		t.Fatal(err)
	}
}

// now is the process's clock now.
func (c *steppedClock) now() time.Time { return time.Now().Add(c.offset) }

// startStepped starts `icetimer run` with args on a stepped clock.
func startStepped(t *testing.T, dir string, c *steppedClock, args ...string) *process {
	t.Helper()
	return startIcetimerEnv(t, dir, []string{"ICETIMER_TEST_CLOCK=" + c.path}, args...)
}

// stepCycle: a change every 10 s, long enough for a step to be noticed
// (within the 5 s heartbeat) between two changes.
var stepCycle = []string{"run", "--cycle", "ice 10s, rest 10s", "--window", "3h", "--quiet", "off"}

// reminderWithin waits for the next reminder and checks that one for a
// single change came at most a few seconds after its instant by the
// process's clock (a catch-up after a step is timely when it comes within
// timeout of the step).
func reminderWithin(t *testing.T, p *process, c *steppedClock, timeout time.Duration, what string) timedLine {
	t.Helper()
	l, ok := p.nextReminder(timeout)
	if !ok {
		t.Fatalf("%s: no reminder within %v (stderr %q)", what, timeout, p.stderr.String())
	}
	at, ok := reminderInstant(l.text, c.now())
	if !ok {
		t.Fatalf("%s: %q is not a reminder", what, l.text)
	}
	catchUp := strings.Contains(l.text, "Missed ") || strings.Contains(l.text, "was due at")
	if late := c.now().Sub(at); !catchUp && late > 7*time.Second || late < -time.Second {
		t.Fatalf("%s: %q came %v after its instant (clock %v)", what, l.text, late.Round(time.Millisecond), c.now().Format(time.TimeOnly))
	}
	return l
}

// Issue 10: a clock stepped an hour ahead and back must not silence the
// changes of that hour; each is told at its wall-clock instant.
func TestClockStepAheadAndBackKeepsReminding(t *testing.T) {
	t.Parallel()
	c := newSteppedClock(t)
	p := startStepped(t, t.TempDir(), c, stepCycle...)
	reminderWithin(t, p, c, 5*time.Second, "start")
	c.step(t, time.Hour)
	if l := reminderWithin(t, p, c, 8*time.Second, "an hour ahead"); !strings.Contains(l.text, "Missed ") {
		t.Fatalf("an hour ahead: %q, want a catch-up", l.text)
	}
	c.step(t, -time.Hour)
	reminderWithin(t, p, c, 17*time.Second, "back again")
	reminderWithin(t, p, c, 17*time.Second, "the change after")
}

// A correction within remind.StepSlack repeats no reminder: after 40 s
// ahead (a prompt catch-up) and 40 s back, the changes of those 40 s are
// not told again.
func TestClockCorrectionsOf40sRepeatNothing(t *testing.T) {
	t.Parallel()
	c := newSteppedClock(t)
	p := startStepped(t, t.TempDir(), c, stepCycle...)
	reminderWithin(t, p, c, 5*time.Second, "start")
	c.step(t, 40*time.Second)
	reminderWithin(t, p, c, 8*time.Second, "40 s ahead")
	c.step(t, -40*time.Second)
	if l, ok := p.nextReminder(15 * time.Second); ok {
		t.Fatalf("40 s back: %q repeats a change told in the catch-up", l.text)
	}
}

// A `reminded` marker written under a clock that was ahead must not silence
// a resumed run until then.
func TestAFutureMarkerDoesNotSilenceRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	c := newSteppedClock(t)
	p := startStepped(t, dir, c, stepCycle...)
	reminderWithin(t, p, c, 5*time.Second, "start")
	p.kill(t)
	if err := openTestStore(t, dir).SaveReminded(time.Now().Add(24 * time.Hour)); err != nil {
		t.Fatal(err)
	}
	resumed := startStepped(t, dir, c, "run")
	reminderWithin(t, resumed, c, 12*time.Second, "resumed under a future marker")
}
