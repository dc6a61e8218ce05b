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
// the person to take a pack off (Course.Waiting's rule), each with the
// event that answered it.
func Removals(c schedule.Course, from, limit time.Time) []Removal {
	var out []Removal
	for _, t := range c.Transitions(from, limit) {
		if t.TakesPackOff() {
			out = append(out, Removal{At: t.At, Kind: t.From.Kind, Answered: answered(c, t, limit)})
		}
	}
	return out
}

// PutOn is a reminder to put a pack on that asked "Is it on?"
// (schedule.Course.AsksIfOn) and how the person answered it.
type PutOn struct {
	// At is the change's instant; Kind the pack that was to go on.
	At   time.Time
	Kind schedule.Kind
	// Confirmed is when the person answered (the ack key or command, the
	// button, or any other key); zero when nothing did before the phase
	// ended: the phase then ran as planned, "not confirmed".
	Confirmed time.Time
}

// PutOns lists the changes of c in [from, limit) whose reminder asked "Is
// it on?" and waited for the answer, each with the event that answered
// it. A put-on into a phase a pause held from its start never asked.
func PutOns(c schedule.Course, from, limit time.Time) []PutOn {
	var out []PutOn
	for _, t := range c.Transitions(from, limit) {
		if c.AsksIfOn(t) && asked(c, t) {
			out = append(out, PutOn{At: t.At, Kind: t.To.Kind, Confirmed: answered(c, t, limit)})
		}
	}
	return out
}

// asked says whether the reminder of change t waited for the person at its
// instant, as the course stood then (a put-on into a phase frozen by a
// pause does not wait).
func asked(c schedule.Course, t schedule.Transition) bool {
	n := 0
	for n < len(c.Events) && c.Events[n].At.Before(t.At) {
		n++
	}
	before := c
	before.Events = c.Events[:n]
	w, waits := before.Waiting(t.At)
	return waits && w.At.Equal(t.At)
}

// answered is when the reminder of change t that waited was answered: the
// first event from t on, before limit, if the reminder still waited for
// it; zero when none answered it. A numb answer makes a removal rather
// than answering one.
func answered(c schedule.Course, t schedule.Transition, limit time.Time) time.Time {
	for i := c.FirstAnswer(t); i < len(c.Events); i++ {
		e := c.Events[i]
		if e.At.Before(t.At) || !e.At.Before(limit) || e.Type == schedule.Numb {
			continue
		}
		before := c
		before.Events = c.Events[:i]
		if w, waits := before.Waiting(e.At); waits && w.At.Equal(t.At) {
			return e.At
		}
		return time.Time{}
	}
	return time.Time{}
}
