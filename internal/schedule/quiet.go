package schedule

import "time"

// QuietHours is a nightly span of local clock time with no phases and no
// reminders. At its start the running phase ends; at its end a fresh cycle
// starts with its first ice or heat phase. Quiet hours count towards a stage's
// window.
//
// On the nights the clocks change, a clock time the zone skips (a time in
// the spring-forward gap) is read as the instant the gap ends, and one the
// zone shows twice as its first showing. A night whose start and end both
// fall in the same gap has no quiet hours at all: the clock never shows them.
type QuietHours struct {
	Enabled bool
	// Start and End are offsets from local midnight. End before Start means the
	// span crosses midnight (23:00-07:00).
	Start, End time.Duration
	// Location is the time zone the clock times are read in; nil means UTC.
	Location *time.Location
}

// span is one night's quiet hours as instants; end is always after start.
type span struct{ start, end time.Time }

func (q QuietHours) loc() *time.Location {
	if q.Location == nil {
		return time.UTC
	}
	return q.Location
}

// maxNightSearch bounds how many local days nextAfter looks ahead for a
// night with quiet hours: two would do in every zone there is (one night
// can vanish in a gap); the bound makes the search finish whatever the zone
// data says.
const maxNightSearch = 8

// nextAfter is the first night's quiet hours starting strictly after t. Its
// start is after t and its end after its start, so a walker that goes from
// night to night always moves forward and never stops on a night of no length.
func (q QuietHours) nextAfter(t time.Time) span {
	for days := -1; days <= maxNightSearch; days++ {
		n := q.night(t, days)
		if n.start.After(t) && n.end.After(n.start) {
			return n
		}
	}
	// Unreachable with real zone data; still a night strictly after t, of the
	// length the clock times give, so the walker moves on.
	length := (q.End - q.Start + 24*time.Hour) % (24 * time.Hour)
	start := t.Add(24 * time.Hour)
	return span{start: start, end: start.Add(max(length, time.Second))}
}

// night is the quiet hours that start on the local day of t, plus days.
func (q QuietHours) night(t time.Time, days int) span {
	endDay := days
	if q.End <= q.Start {
		endDay++
	}
	return span{start: q.at(t, days, q.Start), end: q.at(t, endDay, q.End)}
}

// at is the instant the local clock reads offset d on the local day of t,
// plus days (see resolveClock): 07:00 stays 07:00 on the day the clocks
// change.
func (q QuietHours) at(t time.Time, days int, d time.Duration) time.Time {
	y, m, dd := t.In(q.loc()).Date()
	return resolveClock(time.Date(y, m, dd+days, 0, 0, 0, 0, time.UTC).Add(d), q.loc())
}
