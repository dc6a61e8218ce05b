package remind

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// LateAfter is how long after its reminder a removal may be acknowledged
// and still count as on time (CLI.md: late_removals).
const LateAfter = 2 * time.Minute

// Removal is a "remove the pack" change of a course and how the person
// answered it.
type Removal struct {
	// At is the change's instant: when the reminder went out.
	At time.Time
	// Kind is what came off: ice or heat.
	Kind schedule.Kind
	// Answered is when the person acknowledged it (the ack key or command,
	// or any other key, which says they are there); zero when nothing
	// answered it before the next change.
	Answered time.Time
}

// Late reports whether the removal was acknowledged more than LateAfter
// after its reminder. An unanswered one is not late: it is unanswered.
func (r Removal) Late() bool { return !r.Answered.IsZero() && r.Answered.Sub(r.At) > LateAfter }

// Removals lists the changes of c in [from, limit) whose reminder waited for
// the person (Course.Waiting's rule), each with the event that answered it.
func Removals(c schedule.Course, from, limit time.Time) []Removal {
	var out []Removal
	for _, t := range c.Transitions(from, limit) {
		if !t.TakesPackOff() {
			continue
		}
		r := Removal{At: t.At, Kind: t.From.Kind}
		for i, e := range c.Events {
			if e.At.Before(t.At) || !e.At.Before(limit) {
				continue
			}
			before := c
			before.Events = c.Events[:i]
			if w, waits := before.Waiting(e.At); waits && w.At.Equal(t.At) {
				r.Answered = e.At
			}
			break
		}
		out = append(out, r)
	}
	return out
}
