package words

import (
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// Did says in one line, lower case and with no full stop, what action a
// did: c is the course after it, at now. It is what a command prints once
// its change is made, and what the process that drives the course says of
// a change made elsewhere (From, Banner).
func Did(a schedule.Action, c schedule.Course, now time.Time) string {
	st := c.StateAt(now)
	amount := a.Amount
	if amount == 0 {
		amount = schedule.DefaultAmount
	}
	switch a.Verb {
	case schedule.VerbPause:
		if st.Current.Kind.IsOn() {
			return fmt.Sprintf("paused: take the %s off while paused", pack(st.Current.Kind))
		}
		return "paused"
	case schedule.VerbResume:
		return "resumed: " + standing(st)
	case schedule.VerbSkip:
		return "skipped: " + standing(st)
	case schedule.VerbExtend:
		return fmt.Sprintf("added %s: %s", SpanInFull(amount), standing(st))
	case schedule.VerbShorten:
		return fmt.Sprintf("took %s off: %s", SpanInFull(amount), standing(st))
	case schedule.VerbOnSince:
		return fmt.Sprintf("counting this %s from %s: %s", KindName(st.Current.Kind), ClockNear(schedule.EventInstant(now).Add(-a.Amount), now), standing(st))
	case schedule.VerbRestart:
		return fmt.Sprintf("counting this %s again from now: %s", KindName(st.Current.Kind), standing(st))
	case schedule.VerbAck:
		return "acknowledged: " + standing(st)
	case schedule.VerbPain:
		at := a.At
		if at.IsZero() {
			at = now
		}
		return fmt.Sprintf("pain %d recorded at %s", a.Score, ClockNear(schedule.EventInstant(at), now))
	case schedule.VerbNextStage:
		return fmt.Sprintf("stage %d: %s", st.Current.Stage+1, standing(st))
	case schedule.VerbSkinOK:
		return "skin check answered: fine"
	case schedule.VerbSkinNumb:
		return "skin numb or white: take the ice pack off now and let the skin warm up; " + standing(st)
	case schedule.VerbStop:
		return fmt.Sprintf("stopped the %s; it stays in history (icetimer history)", CourseName(c, now))
	}
	return "done: " + standing(st)
}

// From is the line a driver prints of a change asked from elsewhere: when,
// what it did, and who asked ("another terminal", "the notification"); ""
// for the driver's own keys (the plain screen's).
func From(did, from string, now time.Time) string {
	if from == "" {
		return fmt.Sprintf("%s  %s.", Stamp(now), capital(did))
	}
	return fmt.Sprintf("%s  %s (from %s).", Stamp(now), capital(did), from)
}

// Banner is what the timer screen shows of a change asked from elsewhere.
func Banner(did, from string) string { return fmt.Sprintf("%s (from %s)", capital(did), from) }

// standing is where the course stands at st, in a few words: "ice until
// 14:25", "rest paused, 12 min left", "the course is over".
func standing(st schedule.State) string {
	switch {
	case st.Done:
		return "the course is over"
	case st.Paused:
		return fmt.Sprintf("%s paused, %s left", KindName(st.Current.Kind), SpanInFull(st.Remaining))
	}
	return fmt.Sprintf("%s until %s", KindName(st.Current.Kind), ClockNear(st.Current.End, st.Now))
}

// Shown is a line Did made, as the screen shows it on its own: capitalised.
func Shown(did string) string { return capital(did) }
