package schedule

import "time"

// endWaitsFor bounds how long the removal that ended a course with a pack on
// waits for the person: half an hour of asking is enough. A pain score for
// that last application is taken as long.
const endWaitsFor = 30 * time.Minute

// Waiting is the change whose reminder waits for the person at now: the
// latest change, when it took a pack off on schedule (not by the person's
// own skip, stop or move to the next stage), or put one on and asks "Is it
// on?" (AsksIfOn), and the person has done nothing since (an Ack, or any
// other event, says they are there). It waits until the next change at
// most, or endWaitsFor once the course is done. A put-on into a phase
// frozen by a pause (the morning after a paused night) does not wait: the
// pack goes on when the person resumes.
func (c Course) Waiting(now time.Time) (Transition, bool) {
	now = now.Round(0)
	st := c.StateAt(now)
	ts := c.Transitions(st.Current.Start, st.Current.Start.Add(time.Nanosecond))
	if len(ts) == 0 {
		return Transition{}, false
	}
	t := ts[len(ts)-1]
	switch {
	case t.TakesPackOff():
		if st.Done && now.Sub(t.At) > endWaitsFor {
			return t, false
		}
	case c.AsksIfOn(t):
		if st.Paused {
			return t, false
		}
	default:
		return t, false
	}
	for _, e := range c.Events[c.FirstAnswer(t):] {
		// A numb answer makes the change that waits; it never answers it.
		if e.Type != Numb && !e.At.Before(t.At) && !e.At.After(now) {
			return t, false
		}
	}
	return t, true
}

// FirstAnswer is the index in c.Events of the first event that may answer
// the reminder of t. Events are kept to the whole second, so those made
// just before a numb answer share its instant, the instant of the removal
// it makes: they came before that removal and never answer it.
func (c Course) FirstAnswer(t Transition) int {
	if t.To.Cause != CauseNumb {
		return 0
	}
	first := 0
	for i, e := range c.Events {
		if e.Type == Numb && e.At.Equal(t.At) {
			first = i + 1
		}
	}
	return first
}

// TakesPackOff reports whether t is a change whose reminder waits for the
// person to say the pack is off: it ends an ice or heat phase on schedule
// (not by the person's own key) and leads to something else.
func (t Transition) TakesPackOff() bool {
	return t.From.Kind.IsOn() && t.To.Kind != t.From.Kind && !t.To.Cause.ByPerson()
}

// AsksIfOn reports whether t is a change whose reminder asks "Is it on?"
// and waits for the person's answer (PROTOCOLS.md section 9): it puts a
// pack on, not by the person's own key, in a course that asks
// (ConfirmPutOn). A change that takes one pack off as it puts another on
// (ice straight to heat) waits as a removal: taking a pack off matters
// most, and its acknowledgement changes no timing.
func (c Course) AsksIfOn(t Transition) bool {
	return c.ConfirmPutOn && t.To.Kind.IsOn() && !t.To.Cause.ByPerson() && !t.TakesPackOff()
}
