package schedule

import "time"

// Shifted is c with every instant it recorded (its start, its events, its
// check-ins) moved by d: for a wall clock that stepped by d while the
// course ran (an NTP correction, a person setting the clock), so that
// each phase still lasts the time a person lives through. Quiet hours are
// clock times of the day, and stay. c itself is not changed.
func (c Course) Shifted(d time.Duration) Course {
	if d == 0 {
		return c
	}
	c.Start = c.Start.Add(d)
	events := make([]Event, len(c.Events))
	for i, e := range c.Events {
		e.At = e.At.Add(d)
		events[i] = e
	}
	c.Events = events
	if c.Pain != nil {
		pain := make([]PainScore, len(c.Pain))
		for i, p := range c.Pain {
			p.At = p.At.Add(d)
			pain[i] = p
		}
		c.Pain = pain
	}
	return c
}
