package schedule

import "time"

// The skin check of PROTOCOLS.md section 9: skin under a cold pack goes
// cold, burning, aching, then numb, and numb means the pack comes off
// whatever the clock says. Once in each ice phase, Course.SkinCheck into
// its running time, the person is asked; the answer is a SkinOK or a Numb
// event.

// CauseNumb says the ice phase before ended because the person said the
// skin went numb (a Numb event). Unlike a skip, the change is announced:
// its remove reminder goes out and waits for the person as a scheduled
// one's does.
const CauseNumb Cause = "numb"

// MaxSkinCheck is the latest a skin check may come: an ice phase lasts no
// longer (MaxIce), so a later one would never come.
const MaxSkinCheck = MaxIce

// skinCheckDue is when the current phase's skin check comes, if it is
// still to come: Course.SkinCheck into the ice countdown's running time
// (pauses left out; a restart or a confirmation counts it afresh), while
// the countdown runs and before it ends.
func (w *walker) skinCheckDue() (time.Time, bool) {
	every := w.course.SkinCheck
	if w.cur.Kind != Ice || every <= 0 || w.held || !w.checked.IsZero() || every >= w.length {
		return time.Time{}, false
	}
	// The countdown's running time at instant x is length - (End - x).
	return w.cur.End.Add(every - w.length), true
}

// rearmSkinCheck counts the current phase's skin check afresh: the pack
// went on again (a restart, on-since, a confirmation), so its check comes
// SkinCheck after that.
func (w *walker) rearmSkinCheck() {
	w.checked, w.skinAnswered = time.Time{}, false
}

// skinCheckWaits is the instant the skin check came, while it waits for an
// answer: in a running ice phase, after it came and before any answer.
func (w *walker) skinCheckWaits() time.Time {
	if w.cur.Kind != Ice || w.skinAnswered || w.frozen() {
		return time.Time{}
	}
	return w.checked
}

// skin records the answer to the skin check in event e, at its instant:
// numb ends the ice phase at once.
func (w *walker) skin(e Event) {
	if w.cur.Kind != Ice {
		return
	}
	w.skinAnswered = true
	if e.Type == Numb {
		w.nextPhase(e.At, CauseNumb)
	}
}

// skinAnswer records a's answer to the skin check at now: ok while a check
// waits; numb whenever an ice phase runs with the pack on (numb means the
// pack comes off, asked or not).
func (c Course) skinAnswer(a Action, st State, at time.Time) (Course, error) {
	if a.Verb == VerbSkinOK {
		switch {
		case c.SkinCheck == 0:
			return c, refuse(ErrNothingWaits, "this course has no skin check (it started with skin_check = \"off\")")
		case st.SkinCheck.IsZero():
			return c, refuse(ErrNothingWaits, "no skin check is waiting: it comes %s into an ice phase", spoken(c.SkinCheck))
		}
		return c.with(Event{Type: SkinOK, At: at}), nil
	}
	switch {
	case st.Current.Kind != Ice:
		return c, refuse(ErrNothingWaits, "no ice pack is on: it is %s now", kindName(st.Current.Kind))
	case st.Paused:
		return c, refuse(ErrNotNow, "the course is paused, so the pack is off: keep it off until the skin feels normal again")
	}
	return c.with(Event{Type: Numb, At: at}), nil
}

// NumbAt lists the instants of the course's Numb events, in order: when
// the person said the skin went numb.
func (c Course) NumbAt() []time.Time {
	var out []time.Time
	for _, e := range c.Events {
		if e.Type == Numb {
			out = append(out, e.At)
		}
	}
	return out
}
