package session

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// DefaultRepeat is how often a "remove the pack" reminder repeats until the
// person acknowledges it (CLI.md: --repeat, default 2m).
const DefaultRepeat = 2 * time.Minute

// endRepeatsFor bounds the repeats after a change with no next one (the
// course ended with a pack on): half an hour of asking is enough.
const endRepeatsFor = 30 * time.Minute

// Waiting is the change whose reminder waits for the person at now: the
// latest change, when it took a pack off on schedule (not by the person's
// own skip or stop) and the person has done nothing since (an Ack, or any
// other key, says they are there). It waits until the next change at most.
func Waiting(c schedule.Course, now time.Time) (schedule.Transition, bool) {
	now = now.Round(0)
	st := c.StateAt(now)
	ts := c.Transitions(st.Current.Start, st.Current.Start.Add(time.Nanosecond))
	if len(ts) == 0 {
		return schedule.Transition{}, false
	}
	t := ts[len(ts)-1]
	if !t.From.Kind.IsOn() || t.To.Kind == t.From.Kind || t.To.Cause == schedule.CauseSkip || t.To.Cause == schedule.CauseStop {
		return t, false
	}
	if st.Done && now.Sub(t.At) > endRepeatsFor {
		return t, false
	}
	for _, e := range c.Events {
		if !e.At.Before(t.At) && !e.At.After(now) {
			return t, false
		}
	}
	return t, true
}

// Repeater is the one rule for repeating a reminder that waits: every
// `every` after it was last told, while it waits, used by the screen and by
// `run` alike. A laptop that slept through several repeats makes one.
type Repeater struct {
	every time.Duration
	// last is when a reminder was last told; change is the instant of the
	// change that waits, n how many repeats of it were told.
	last, change time.Time
	n            int
}

// NewRepeater repeats every every (0 or less: never), counting from since.
func NewRepeater(every time.Duration, since time.Time) Repeater {
	return Repeater{every: every, last: since.Round(0)}
}

// Told says a reminder went out at at (a change, or a catch-up): repeats
// count from it.
func (r *Repeater) Told(at time.Time) { r.last = at.Round(0) }

// Due returns the change to repeat the reminder of at now, and which repeat
// it is (1 for the first), and counts it told; false when none is due.
func (r *Repeater) Due(c schedule.Course, now time.Time) (schedule.Transition, int, bool) {
	if r.every <= 0 {
		return schedule.Transition{}, 0, false
	}
	now = now.Round(0)
	if now.Before(r.last.Add(-StepSlack)) {
		r.last = now // the clock went back: see StepSlack
	}
	t, waits := Waiting(c, now)
	if !waits {
		return t, 0, false
	}
	if !t.At.Equal(r.change) {
		r.change, r.n = t.At, 0
		if r.last.Before(t.At) {
			r.last = t.At
		}
	}
	if now.Sub(r.last) < r.every {
		return t, 0, false
	}
	r.last = now
	r.n++
	return t, r.n, true
}
