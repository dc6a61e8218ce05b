package schedule

import "time"

// resolveClock is the instant at which the clock of loc first reads wall, a
// clock reading written as a UTC time (its fields are what the clock shows).
// A reading the zone skips (a daylight-saving gap) resolves to the instant
// the gap ends, the first at which the clock reads past it. time.Date leaves
// both cases unspecified, and in practice it puts a skipped reading before
// or after the gap depending on the zone, which once gave a night ending
// before it began.
func resolveClock(wall time.Time, loc *time.Location) time.Time {
	y, m, d := wall.Date()
	h, mi, s := wall.Clock()
	guess := time.Date(y, m, d, h, mi, s, 0, loc).Round(0)
	// The readings of the zone periods around the guess: one of them holds
	// wall, or wall falls between two of them.
	first, gapEnd := time.Time{}, time.Time{}
	for _, p := range periodsAround(guess) {
		if at := wall.Add(-time.Duration(p.offset) * time.Second); p.holds(at) && (first.IsZero() || at.Before(first)) {
			first = at
		}
		if !p.start.IsZero() && skipsOver(p.start, loc, wall) {
			gapEnd = p.start
		}
	}
	switch {
	case !first.IsZero():
		return first.In(loc)
	case !gapEnd.IsZero():
		return gapEnd
	}
	return guess
}

// period is a span of instants over which a zone keeps one offset; a zero
// start or end means unbounded.
type period struct {
	start, end time.Time
	offset     int
}

func (p period) holds(t time.Time) bool {
	return (p.start.IsZero() || !t.Before(p.start)) && (p.end.IsZero() || t.Before(p.end))
}

// periodsAround is the zone period of t and the ones just before and after.
func periodsAround(t time.Time) []period {
	cur := periodOf(t)
	out := []period{cur}
	if !cur.start.IsZero() {
		out = append(out, periodOf(cur.start.Add(-time.Nanosecond)))
	}
	if !cur.end.IsZero() {
		out = append(out, periodOf(cur.end))
	}
	return out
}

func periodOf(t time.Time) period {
	_, offset := t.Zone()
	start, end := t.ZoneBounds()
	return period{start: start, end: end, offset: offset}
}

// skipsOver says the clock of loc jumps over wall at instant t: it reads
// less than wall just before t and more at t.
func skipsOver(t time.Time, loc *time.Location, wall time.Time) bool {
	before := t.Add(-time.Nanosecond).In(loc)
	after := t.In(loc)
	return clockOf(before).Before(wall) && clockOf(after).After(wall)
}

// clockOf is what t's clock reads, written as a UTC time.
func clockOf(t time.Time) time.Time {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, m, d, h, mi, s, t.Nanosecond(), time.UTC)
}
