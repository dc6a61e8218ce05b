package schedule

import "time"

// QuietHours is a nightly span of local clock time with no phases and no
// reminders. At its start the running phase ends; at its end a fresh cycle
// starts with its first ice or heat phase. Quiet hours count towards a stage's
// window.
type QuietHours struct {
	Enabled bool
	// Start and End are offsets from local midnight. End before Start means the
	// span crosses midnight (23:00-07:00).
	Start, End time.Duration
	// Location is the time zone the clock times are read in; nil means UTC.
	Location *time.Location
}

// span is one night's quiet hours as instants.
type span struct{ start, end time.Time }

func (q QuietHours) loc() *time.Location {
	if q.Location == nil {
		return time.UTC
	}
	return q.Location
}

// at is the instant of the clock offset d on the local day of t, plus days.
// time.Date does the daylight-saving arithmetic: 07:00 stays 07:00 on the day
// the clocks change.
func (q QuietHours) at(t time.Time, days int, d time.Duration) time.Time {
	y, m, dd := t.In(q.loc()).Date()
	h := int(d / time.Hour)
	min := int(d % time.Hour / time.Minute)
	sec := int(d % time.Minute / time.Second)
	return time.Date(y, m, dd+days, h, min, sec, 0, q.loc())
}

// nextAfter is the first night's quiet hours starting strictly after t.
func (q QuietHours) nextAfter(t time.Time) span {
	for days := -1; ; days++ {
		start := q.at(t, days, q.Start)
		if start.After(t) {
			endDay := days
			if q.End <= q.Start {
				endDay++
			}
			return span{start: start, end: q.at(t, endDay, q.End).Round(0)}
		}
	}
}
