package schedule

import (
	"slices"
	"strings"
	"time"
)

// Verb names one thing a person can do to a running course. Its value is
// the word the command line and the control socket use for it.
type Verb string

// The verbs Course.Do knows.
const (
	// VerbPause freezes the countdown (during ice or heat: the pack comes off).
	VerbPause Verb = "pause"
	// VerbResume lets a paused countdown run on.
	VerbResume Verb = "resume"
	// VerbSkip ends the current phase now.
	VerbSkip Verb = "skip"
	// VerbExtend adds Action.Amount (default DefaultAmount) to the current
	// phase, within the safety caps.
	VerbExtend Verb = "extend"
	// VerbShorten takes Action.Amount (default DefaultAmount) off the
	// current phase, never past now.
	VerbShorten Verb = "shorten"
	// VerbOnSince says the pack went on Action.Amount ago: the current ice
	// or heat phase counts from then.
	VerbOnSince Verb = "on-since"
	// VerbRestart counts the current phase again from now, in full.
	VerbRestart Verb = "restart"
	// VerbAck answers the reminder that waits: the pack is off, or, for a
	// put-on reminder, the pack is on (the phase then counts from now).
	VerbAck Verb = "ack"
	// VerbSkinOK answers the skin check: the skin is just cold or aching.
	VerbSkinOK Verb = "skin-ok"
	// VerbSkinNumb says the skin under the ice went numb or white: the ice
	// phase ends now, with its remove reminder.
	VerbSkinNumb Verb = "skin-numb"
	// VerbPain records Action.Score and Action.Note at Action.At (zero: now).
	VerbPain Verb = "pain"
	// VerbNextStage moves the course to its next stage now.
	VerbNextStage Verb = "next-stage"
	// VerbStop ends the course.
	VerbStop Verb = "stop"
)

// Verbs is every verb Do knows, in the order a person learns them.
var Verbs = []Verb{VerbPause, VerbResume, VerbSkip, VerbExtend, VerbShorten, VerbOnSince, VerbRestart, VerbAck, VerbSkinOK, VerbSkinNumb, VerbPain, VerbNextStage, VerbStop}

// DefaultAmount is how much extend adds and shorten takes when the action
// names no amount: the screen's + and - keys.
const DefaultAmount = 5 * time.Minute

// Action is one thing a person does to a course: a verb and what it needs.
type Action struct {
	Verb Verb
	// Amount is how much extend adds or shorten takes (zero: DefaultAmount),
	// or, for on-since, how long ago the pack went on. Other verbs ignore it.
	Amount time.Duration
	// Score (MinPain to MaxPain) and Note are a pain check-in's; At is the
	// instant it is for, within the course up to now (zero: now). Other
	// verbs ignore them.
	Score int
	Note  string
	At    time.Time
}

// Do is course c after the person did a at now, or c itself and a
// *Refusal (see ErrAtCap and the other kinds) saying why not. It is the
// one place the rules of every action live: the screen's keys, the
// commands and the control socket all call it.
//
// An event is recorded at now truncated to the whole second
// (EventInstant); the course c is never changed in place, so a caller can
// keep it when Do refuses. A course Do returns passes Check.
func (c Course) Do(a Action, now time.Time) (Course, error) {
	now = now.Round(0)
	next, err := c.do(a, now)
	if err != nil {
		return c, err
	}
	if err := next.Check(); err != nil {
		return c, refuse(ErrBadInput, "%v", err)
	}
	return next, nil
}

// do performs a, or says why not. The course it returns has arrays of its
// own wherever it differs from c.
func (c Course) do(a Action, now time.Time) (Course, error) {
	if !slices.Contains(Verbs, a.Verb) {
		return c, refuse(ErrBadInput, "%q is not something icetimer does: want one of %s", a.Verb, verbList())
	}
	st := c.StateAt(now)
	at := EventInstant(now)
	// An acknowledgement and a pain score change no timing, so they are
	// taken a while after the course ends too: the removal that ended it
	// still waits to be answered.
	switch a.Verb {
	case VerbAck:
		t, waits := c.Waiting(now)
		switch {
		case !waits:
			return c, ErrNothingWaits
		case c.AsksIfOn(t):
			return c.with(Event{Type: Confirm, At: at}), nil
		}
		return c.with(Event{Type: Ack, At: at}), nil
	case VerbPain:
		return c.pain(a, st, now)
	}
	if err := c.running(a.Verb, st, now); err != nil {
		return c, err
	}
	switch a.Verb {
	case VerbPause:
		if st.WaitsForResume {
			return c, refuse(ErrNotNow, "the course is paused already: resume it to go on")
		}
		return c.with(Event{Type: Pause, At: at}), nil
	case VerbResume:
		if !st.WaitsForResume {
			return c, refuse(ErrNotNow, "the course is not paused: there is nothing to resume")
		}
		return c.with(Event{Type: Resume, At: at}), nil
	case VerbSkip:
		return c.with(Event{Type: Skip, At: at}), nil
	case VerbExtend:
		return c.extend(a, st, now)
	case VerbShorten:
		return c.shorten(a, st, now)
	case VerbOnSince:
		return c.onSince(a, st, now)
	case VerbRestart:
		return c.restart(st, now)
	case VerbSkinOK, VerbSkinNumb:
		return c.skinAnswer(a, st, at)
	case VerbNextStage:
		if !c.Protocol.HasNextStage(st.Current.Stage) {
			return c, ErrLastStage
		}
		return c.with(Event{Type: NextStage, At: at}), nil
	}
	return c.with(Event{Type: Stop, At: at}), nil
}

// running refuses verb outside the course: once it is over, and before it
// starts (a clock set back), where only a stop is taken, so that a course
// can always be ended.
func (c Course) running(verb Verb, st State, now time.Time) error {
	switch {
	case st.Done:
		return refuse(ErrOutsideCourse, "the course ended at %s: start a new one to go on", clockNear(st.Current.Start, now))
	case now.Before(c.Start) && verb != VerbStop:
		return refuse(ErrOutsideCourse, "the course starts at %s: nothing can change before then", clockNear(c.Start, now))
	}
	return nil
}

// with is c with event e recorded after the others, in an array of its own.
func (c Course) with(e Event) Course {
	c.Events = append(c.Events[:len(c.Events):len(c.Events)], e)
	return c
}

// verbList is Verbs as a reason lists them.
func verbList() string {
	names := make([]string, len(Verbs))
	for i, v := range Verbs {
		names[i] = string(v)
	}
	return strings.Join(names, ", ")
}
