package schedule

import "time"

// WaitsUntil is when the reminder of change t, while it waits (Waiting),
// stops waiting if nobody answers: at the next change, or endWaitsFor after
// t when the course is over by then. Whatever repeats that reminder (the
// phone's server, which rings on while the computer sleeps) stops there.
func (c Course) WaitsUntil(t Transition) time.Time {
	for next := range c.Changes(t.At.Add(time.Nanosecond)) {
		return next.At
	}
	return t.At.Add(endWaitsFor)
}
