package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// steppedClock is the clock of an icetimer built with the test clock hook
// (cmd/icetimer/testclock.go): real time plus an offset the test sets,
// either stepped (the wall clock alone moves, as when it is corrected) or
// lived (the boot clock moves too, as through a laptop's sleep: time
// passes for the course). A test uses one or the other.
type steppedClock struct {
	path   string
	offset time.Duration
	lived  bool
}

func newSteppedClock(t *testing.T) *steppedClock {
	c := &steppedClock{path: filepath.Join(t.TempDir(), "offset")}
	c.step(t, 0)
	return c
}

// step moves the wall clock by d: a correction, not time lived.
func (c *steppedClock) step(t *testing.T, d time.Duration) {
	t.Helper()
	c.lived = false
	c.write(t, d)
}

// live moves the clock by d of time lived: the course moves on by d.
func (c *steppedClock) live(t *testing.T, d time.Duration) {
	t.Helper()
	c.lived = true
	c.write(t, d)
}

// write moves the offset by d, atomically: the process may read at any
// time.
func (c *steppedClock) write(t *testing.T, d time.Duration) {
	t.Helper()
	c.offset += d
	text := c.offset.String()
	if c.lived {
		text += " lived"
	}
	tmp := c.path + ".tmp"
	if err := os.WriteFile(tmp, []byte(text), 0o600); err != nil {
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

// Issue 23: the wall clock stepped an hour back, or ahead, 5 s into a
// 20 s ice phase while run drives it: the removal still comes 20 s of real
// time after the pack went on (a step back used to keep it on for the size
// of the step; a step ahead cut it short), and run says the clock changed.
func TestAStepDuringTheIceNeverMovesItsRemoval(t *testing.T) {
	for _, step := range []time.Duration{-time.Hour, time.Hour} {
		t.Run(step.String(), func(t *testing.T) {
			t.Parallel()
			c := newSteppedClock(t)
			p := startStepped(t, t.TempDir(), c, "run", "--cycle", "ice 20s, rest 20s", "--quiet", "off", "--sound", "off")
			on := reminderWithin(t, p, c, 5*time.Second, "start")
			time.Sleep(5 * time.Second)
			c.step(t, step)
			off, ok := p.nextReminder(30 * time.Second)
			if !ok || !strings.Contains(off.text, "Remove the ice pack") || strings.Contains(off.text, "Missed ") {
				t.Fatalf("after the step: %q, want the removal", off.text)
			}
			lived := off.at.Sub(on.at)
			t.Logf("the clock stepped %v: the removal came %v after the put-on", step, lived.Round(time.Millisecond))
			if lived < 18*time.Second || lived > 22*time.Second {
				t.Errorf("the removal came %v after the put-on, want 20 s of real time, within 2 s", lived)
			}
			if !strings.Contains(p.said(), "The clock was set") {
				t.Errorf("run did not say the clock changed: %q", p.said())
			}
		})
	}
}

// Corrections back and forth of 40 s repeat nothing and miss nothing: the
// changes come at their real instants, once each.
func TestClockCorrectionsOf40sRepeatNothing(t *testing.T) {
	t.Parallel()
	c := newSteppedClock(t)
	p := startStepped(t, t.TempDir(), c, stepCycle...)
	on := reminderWithin(t, p, c, 5*time.Second, "start")
	time.Sleep(2 * time.Second)
	c.step(t, 40*time.Second)
	time.Sleep(3 * time.Second)
	c.step(t, -40*time.Second)
	for i, want := range []string{"Remove the ice pack", "Put the ice pack on"} {
		l, ok := p.nextReminder(15 * time.Second)
		if !ok || !strings.Contains(l.text, want) || strings.Contains(l.text, "Missed ") {
			t.Fatalf("change %d: %q, want %q told once, at its time", i+1, l.text, want)
		}
		if late := l.at.Sub(on.at) - time.Duration(i+1)*10*time.Second; late < -2*time.Second || late > 2*time.Second {
			t.Errorf("%q came %v off its real instant", want, late)
		}
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
