package schedule

import "time"

// firstNight is the first quiet hours of a course started at start. A
// course started during quiet hours, or less than one application before
// they begin, gets one full first application (PROTOCOLS.md section 7: the
// person chose to start it, and a pack put on must come off on time, not at
// a night that cuts it short); the night starts after it, or, when it is
// over by then, the next night is the first.
func firstNight(c *Course, start time.Time) span {
	q := c.Quiet
	night := q.nextAfter(start.Add(-48 * time.Hour))
	for !night.end.After(start) {
		night = q.nextAfter(night.start)
	}
	applied := start.Add(firstApplication(c.Protocol))
	switch {
	case !night.start.Before(applied):
	case night.end.After(applied):
		night.start = applied
	default:
		night = q.nextAfter(night.start)
	}
	return night
}

// firstApplication is the time from a course's start to the end of its
// first ice or heat phase.
func firstApplication(p Protocol) time.Duration {
	if len(p.Stages) == 0 || len(p.Stages[0].Cycle) == 0 {
		return 0
	}
	c := p.Stages[0].Cycle
	var d time.Duration
	for _, ph := range c[:c.firstOn()+1] {
		d += ph.Duration
	}
	return d
}
