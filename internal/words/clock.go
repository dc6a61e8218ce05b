package words

import (
	"fmt"
	"time"
)

// The one clock format and the one duration rule: every clock time and
// every time left that icetimer writes goes through these, so the screen, a
// reminder and the status line never disagree by a minute.

// Clock layouts: 24-hour unless Use12HourClock says otherwise.
var (
	clockLayout = "15:04"
	stampLayout = "15:04:05"
)

// Use12HourClock makes every clock time icetimer writes from now on read
// "3:04 PM" (on) or "15:04" (off), as the config file's clock setting says.
// It is set once at start-up, before any screen or reminder runs; the
// layouts are not guarded because nothing reads them concurrently then.
func Use12HourClock(on bool) {
	clockLayout, stampLayout = "15:04", "15:04:05"
	if on {
		clockLayout, stampLayout = "3:04 PM", "3:04:05 PM"
	}
}

// Clock is t as a clock time in t's location: "14:20".
func Clock(t time.Time) string { return t.Format(clockLayout) }

// Stamp is t to the second, where lines are read as a log: "14:20:00".
func Stamp(t time.Time) string { return t.Format(stampLayout) }

// ClockNear is t as a clock time in the local zone, with the day when t is
// neither today nor within 12 hours of now (the end of tonight's quiet
// hours reads "07:00", a course started last week "Mon 23 Nov 08:00").
func ClockNear(t, now time.Time) string {
	t, now = t.In(time.Local), now.In(time.Local)
	y, m, d := t.Date()
	ny, nm, nd := now.Date()
	if (y == ny && m == nm && d == nd) || t.Sub(now).Abs() < 12*time.Hour {
		return Clock(t)
	}
	return t.Format("Mon 2 Jan ") + Clock(t)
}

// Span is a time left as people say it: "45 s", "20 min", "2 h 40 min".
// It rounds up, as a countdown does, so that it never says less than is
// left: "20 min" until 19 minutes are left, "0 s" only once it is over.
func Span(d time.Duration) string {
	if secs := ceil(d, time.Second); secs < 60 {
		return fmt.Sprintf("%d s", secs)
	}
	mins := ceil(d, time.Minute)
	h, m := mins/60, mins%60
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case m == 0:
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %d min", h, m)
}

// SpanInFull is a time left as Span rounds it, its units written out for
// sentences that may be read aloud (a screen reader says "min" as a word):
// "45 seconds", "1 minute", "20 minutes", "2 hours and 40 minutes".
func SpanInFull(d time.Duration) string {
	return spanWith(d, func(n int64, unit string) string { return Count(int(n), unit) })
}

// spanWith is d rounded up as Span rounds it, each unit said by count:
// seconds below a minute, else hours and minutes.
func spanWith(d time.Duration, count func(n int64, unit string) string) string {
	if secs := ceil(d, time.Second); secs < 60 {
		return count(secs, "second")
	}
	mins := ceil(d, time.Minute)
	h, m := mins/60, mins%60
	switch {
	case h == 0:
		return count(m, "minute")
	case m == 0:
		return count(h, "hour")
	}
	return count(h, "hour") + " and " + count(m, "minute")
}

// BigLeft is a time left as the screen's big digits show it: "3:57" from
// an hour up (hours and minutes, read from across a room where "3 h 57
// min" reads "357"), "45 min", "30 s" in the last minute. It rounds as
// Span does, so it is Countdown rounded up to the minute (to the second in
// the last minute): the exact line under it never reads a minute less.
func BigLeft(d time.Duration) string {
	if secs := ceil(d, time.Second); secs < 60 {
		return fmt.Sprintf("%d s", secs)
	}
	mins := ceil(d, time.Minute)
	if mins < 60 {
		return fmt.Sprintf("%d min", mins)
	}
	return fmt.Sprintf("%d:%02d", mins/60, mins%60)
}

// Countdown is a time left as a countdown shows it, "m:ss" or "h:mm:ss",
// rounded up like Span: it reads 0:00 at the very instant of the change,
// not a second before.
func Countdown(d time.Duration) string {
	s := ceil(d, time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s%3600/60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// SecondsLeft is a time left in whole seconds, rounded up like Span and
// Countdown, for the JSON that scripts read.
func SecondsLeft(d time.Duration) int64 { return ceil(d, time.Second) }

// ceil is how many units d takes, rounded up; never below zero.
func ceil(d, unit time.Duration) int64 {
	return int64((max(d, 0) + unit - 1) / unit)
}
