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
	r.last, r.n = r.current(t)
	r.change = t.At
	at, ok := r.next(t, r.last, r.n)
	if !ok || now.Before(at) {
		return t, 0, false
	}
	r.last = now
	r.n++
	return t, r.n, true
}

// Next is when the reminder that waits at now is next due to be told
// again, for a loop that sleeps until then: the instant at which Due will
// say so; false when none waits or no more repeats will come.
func (r Repeater) Next(c schedule.Course, now time.Time) (time.Time, bool) {
	t, waits := c.Waiting(now.Round(0))
	if !waits {
		return time.Time{}, false
	}
	last, n := r.current(t)
	return r.next(t, last, n)
}

// current is when the reminder of t was last told and how many repeats of
// it were: a change that waits anew is told at its instant (or later) and
// not repeated yet.
func (r Repeater) current(t schedule.Transition) (last time.Time, n int) {
	if t.At.Equal(r.change) {
		return r.last, r.n
	}
	return maxTime(r.last, t.At), 0
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// next is when the reminder of t, last told at last and repeated n times,
// repeats next: its own interval and cap (a removal every r.every, a
// put-on every PutOnRepeat, PutOnRepeats times); false when it no longer
// repeats.
func (r Repeater) next(t schedule.Transition, last time.Time, n int) (time.Time, bool) {
	every, most := r.every, 0
	if !t.TakesPackOff() {
		every, most = PutOnRepeat, PutOnRepeats
	}
	if every <= 0 || most > 0 && n >= most {
		return time.Time{}, false
	}
	return last.Add(every), true
}

// Shift moves the repeater's instants by d, with a course that Shifted by
// d: the wall clock stepped, and the next repeat stays as far away.
func (r *Repeater) Shift(d time.Duration) {
	r.last = r.last.Add(d)
	if !r.change.IsZero() {
		r.change = r.change.Add(d)
	}
}
