package remind

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// StepSlack is how far the wall clock may step back (an NTP correction)
// and still be taken for the same clock: the changes already announced stay
// announced. A clock that steps back further, after a jump ahead or on a
// restored machine, has the changes in between announced again when their
// wall-clock instant comes: told twice is better than a pack left on.
const StepSlack = 2 * time.Minute

// Announcer is the one rule for which of a course's changes are announced,
// and when, used by the timer screen and by `icetimer run` alike. Every
// change is announced once, at its wall-clock instant or at the first look
// after it (a laptop waking, a process resuming), never before it; the
// person's own key presses (a skip, a stop, a move to the next stage) are
// never announced: they saw them happen.
type Announcer struct {
	// handled is the instant every change before which has been announced.
	handled time.Time
	// numbTold is the latest instant of a numb change told (see Due).
	numbTold time.Time
}

// NewAnnouncer starts announcing at since: changes from since on are told,
// earlier ones were told already (the saved marker, or the course's start
// for a course just begun).
func NewAnnouncer(since time.Time) Announcer {
	return Announcer{handled: since.Round(0), numbTold: since.Round(0)}
}

// answerLag is how far before the instant handled a change made by the
// person's answer may lie: an event is recorded at the whole second it was
// made in (schedule.EventInstant), up to a second before the moment the
// caller last asked, and the slack covers a caller that asks a little
// before acting.
const answerLag = 2 * time.Second

// Handled is the instant every change before which has been announced: what
// the session saves with Announced, so a process resuming later tells only
// the rest.
func (a Announcer) Handled() time.Time { return a.handled }

// Due returns the changes of c to announce at now, oldest first, and counts
// them as announced. A change exactly at now is due now. The one change
// the person makes that is announced, the end of an ice phase because the
// skin went numb (schedule.CauseNumb: its remove reminder must go out),
// lies at the whole second of the answer, which may be before the instant
// handled: it is told once, the first time Due sees it.
func (a *Announcer) Due(c schedule.Course, now time.Time) []schedule.Transition {
	now = now.Round(0)
	if now.Before(a.handled.Add(-StepSlack)) {
		// The clock went back: see StepSlack. A numb change from now on
		// is told, even one told already at the same reading.
		a.handled = now
		if back := now.Add(-answerLag); back.Before(a.numbTold) {
			a.numbTold = back
		}
	}
	// Transitions(from, to) excludes to; one nanosecond later includes now.
	through := now.Add(time.Nanosecond)
	if !through.After(a.handled) {
		return nil
	}
	from := a.handled
	a.handled = through
	var out []schedule.Transition
	for _, t := range c.Transitions(from.Add(-answerLag), through) {
		numb := t.To.Cause == schedule.CauseNumb
		switch {
		case numb && !t.At.After(a.numbTold):
		case !numb && t.At.Before(from), t.To.Cause.ByPerson():
		default:
			out = append(out, t)
			if numb {
				a.numbTold = t.At
			}
		}
	}
	return out
}

// Shift moves the instants announcing has reached by d, with a course that
// Shifted by d: the wall clock stepped, and what was told stays told.
func (a *Announcer) Shift(d time.Duration) {
	a.handled = a.handled.Add(d)
	a.numbTold = a.numbTold.Add(d)
}
