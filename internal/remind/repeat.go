package remind

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// DefaultRepeat is how often a "remove the pack" reminder repeats until the
// person acknowledges it (CLI.md: --repeat, default 2m).
const DefaultRepeat = 2 * time.Minute

// A put-on reminder that asks "Is it on?" repeats quietly every
// PutOnRepeat while unanswered, PutOnRepeats times at most (PROTOCOLS.md
// section 9): unlike a pack left on, a pack not put on harms nobody, so
// it is asked about a few times, then the phase runs as planned.
const (
	PutOnRepeat  = 5 * time.Minute
	PutOnRepeats = 3
)

// Repeater is the one rule for repeating a reminder that waits, used by
// the screen and by `run` alike: a removal every `every` after it was
// last told, while it waits; a put-on (schedule.Course.AsksIfOn) every
// PutOnRepeat, PutOnRepeats times at most. A laptop that slept through
// several repeats makes one.
type Repeater struct {
	every time.Duration
	// last is when a reminder was last told; change is the instant of the
	// change that waits, n how many repeats of it were told.
	last, change time.Time
	n            int
}

// NewRepeater repeats removals every every (0 or less: never), counting
// from since.
func NewRepeater(every time.Duration, since time.Time) Repeater {
	return Repeater{every: every, last: since.Round(0)}
}

// Told says a reminder went out at at (a change, or a catch-up): repeats
// count from it.
func (r *Repeater) Told(at time.Time) { r.last = at.Round(0) }

// Due returns the change to repeat the reminder of at now, and which repeat
// it is (1 for the first), and counts it told; false when none is due.
func (r *Repeater) Due(c schedule.Course, now time.Time) (schedule.Transition, int, bool) {
	now = now.Round(0)
	if now.Before(r.last.Add(-StepSlack)) {
		r.last = now // the clock went back: see StepSlack
	}
	t, waits := c.Waiting(now)
	if !waits {
		return t, 0, false
	}
	if !t.At.Equal(r.change) {
		r.change, r.n = t.At, 0
		if r.last.Before(t.At) {
			r.last = t.At
		}
	}
	every, most := r.every, 0
	if !t.TakesPackOff() {
		every, most = PutOnRepeat, PutOnRepeats
	}
	if every <= 0 || most > 0 && r.n >= most || now.Sub(r.last) < every {
		return t, 0, false
	}
	r.last = now
	r.n++
	return t, r.n, true
}

// Next is when the reminder that waits at now is next due to be told
// again, for a loop that sleeps until then; false when none waits or
// repeats are off.
func (r Repeater) Next(c schedule.Course, now time.Time) (time.Time, bool) {
	if r.every <= 0 {
		return time.Time{}, false
	}
	t, waits := c.Waiting(now.Round(0))
	if !waits {
		return time.Time{}, false
	}
	last := r.last
	if !t.At.Equal(r.change) && last.Before(t.At) {
		last = t.At
	}
	return last.Add(r.every), true
}

// Shift moves the repeater's instants by d, with a course that Shifted by
// d: the wall clock stepped, and the next repeat stays as far away.
func (r *Repeater) Shift(d time.Duration) {
	r.last = r.last.Add(d)
	if !r.change.IsZero() {
		r.change = r.change.Add(d)
	}
}
