package remind

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// CountdownFrom is how long before a phase ends its countdown begins: the
// plain screen says the time left once a minute from then on.
const CountdownFrom = 5 * time.Minute

// Countdown is the one rule for counting down the end of a phase, a line
// at each whole minute left, from CountdownFrom down to one: while an ice,
// heat or rest phase counts down (not paused, not in quiet hours), and only
// at minutes after the countdown began (a three-minute phase is counted at
// two and at one). A minute that passed while nothing looked (a sleeping
// laptop) is not told late: only the latest one is, at the first look
// within it.
type Countdown struct {
	// told is the instant of the last minute told, or when counting began.
	told time.Time
}

// NewCountdown counts down from since: minutes before it are not told.
func NewCountdown(since time.Time) Countdown { return Countdown{told: since.Round(0)} }

// Due reports whether a minute of the countdown is to be told at st, and
// counts it told. While nothing counts down (a pause, the night), the
// minutes pass untold: a phase resumed is counted from its next minute.
func (c *Countdown) Due(st schedule.State) bool {
	if !countsDown(st) {
		c.told = st.Now
		return false
	}
	at, ok := minuteAtOrBefore(st)
	if !ok || !at.After(c.told) {
		return false
	}
	c.told = at
	return true
}

// Shift moves the countdown's instants by d, with a course that Shifted
// by d: the wall clock stepped, and the minutes told stay told.
func (c *Countdown) Shift(d time.Duration) { c.told = c.told.Add(d) }

// Next is when the next minute of the countdown comes, for a loop that
// sleeps until then; false when none comes in the phase as it stands.
func (c Countdown) Next(st schedule.State) (time.Time, bool) {
	if !countsDown(st) {
		return time.Time{}, false
	}
	// The latest whole minute left strictly after now, at most CountdownFrom.
	k := min(ceilMinutes(st.Remaining)-1, int64(CountdownFrom/time.Minute))
	at := st.Current.End.Add(-time.Duration(k) * time.Minute)
	if k < 1 || !at.After(countdownStart(st)) {
		return time.Time{}, false
	}
	return at, true
}

// minuteAtOrBefore is the instant of the minute left that st.Now is in:
// with 4 min 30 s left, the instant 5 minutes before the end.
func minuteAtOrBefore(st schedule.State) (time.Time, bool) {
	k := ceilMinutes(st.Remaining)
	at := st.Current.End.Add(-time.Duration(k) * time.Minute)
	if k < 1 || k > int64(CountdownFrom/time.Minute) || !at.After(countdownStart(st)) {
		return time.Time{}, false
	}
	return at, true
}

// countsDown says st is a phase whose end comes as the clock runs.
func countsDown(st schedule.State) bool {
	switch st.Current.Kind {
	case schedule.Ice, schedule.Heat, schedule.Rest:
		return !st.Paused && !st.Done
	}
	return false
}

// countdownStart is when st's countdown began: the phase's start, or a
// restart of it.
func countdownStart(st schedule.State) time.Time { return st.Current.End.Add(-st.Length) }

func ceilMinutes(d time.Duration) int64 { return int64((d + time.Minute - 1) / time.Minute) }
