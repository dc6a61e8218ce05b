package schedule

import (
	"slices"
	"time"
)

// upcomingHorizon bounds how far ahead Upcoming looks: longer than any phase
// or night, so only a course that never changes again finds fewer than asked.
const upcomingHorizon = 8 * 24 * time.Hour

// Upcoming lists the next n transitions strictly after now if nothing else
// happens, a paused phase counted as resumed now (as State.Next is). It is
// what a screen shows as "next: rest at 14:20, ice at 14:40".
func (c Course) Upcoming(now time.Time, n int) []Transition {
	s := c.StateAt(now)
	if s.Done || n <= 0 {
		return nil
	}
	ahead := c
	if s.Paused && s.Current.Kind != Quiet {
		ahead.Events = append(slices.Clip(c.Events), Event{Type: Resume, At: s.Now})
	}
	out := ahead.Transitions(s.Now.Add(time.Nanosecond), s.Now.Add(upcomingHorizon))
	return out[:min(n, len(out))]
}
