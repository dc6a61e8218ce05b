package schedule

import "time"

// apply performs one recorded event on the walker, at the instant it takes
// effect (e.At).
func (w *walker) apply(e Event) {
	if w.cur.Kind == Done {
		return
	}
	inPhase := w.cur.Kind != Quiet
	switch e.Type {
	// At night a pause or resume only decides whether the morning's first
	// phase waits for a resume: quiet hours end at their clock time whatever
	// pauses happen, so neither may touch the night's end.
	case Pause:
		if !w.held {
			w.held = true
			if inPhase {
				w.remaining = max(w.cur.End.Sub(e.At), 0)
				w.frozeAt = e.At
			}
		}
	case Resume:
		w.resume(e.At)
	case Skip:
		if inPhase {
			w.nextPhase(e.At, CauseSkip)
		} else {
			w.endQuiet(e.At, CauseSkip)
		}
	case Extend:
		w.extend(e.At, e.Amount, inPhase)
	case Restart, Confirm:
		if inPhase {
			d := w.phase().Duration
			w.resume(e.At)
			w.cur.End = e.At.Add(d)
			w.length = d
			w.rearmSkinCheck()
		}
	case SkinOK, Numb:
		w.skin(e)
	case NextStage:
		w.nextStage(e.At)
	case Stop:
		w.begin(Segment{Kind: Done, Stage: w.cur.Stage, Index: -1, Start: e.At, Cause: CauseStop})
	}
}

// resume lifts the person's pause, if in force, at instant at: a frozen
// countdown runs on from where it stopped.
func (w *walker) resume(at time.Time) {
	if w.frozen() {
		w.cur.Paused += at.Sub(w.frozeAt)
		w.cur.End = at.Add(w.remaining)
	}
	w.held = false
}

// frozen says the current segment is a phase whose countdown the person's
// pause holds still.
func (w *walker) frozen() bool {
	return w.held && w.cur.Kind != Quiet && w.cur.Kind != Done && w.cur.Kind != ""
}

// extend adds amount to the current segment at instant at: up to the
// safety rail for an ice or heat phase (which holds for a file edited by
// hand too); a negative amount shortens it, never to before at, nor a
// frozen countdown below zero.
func (w *walker) extend(at time.Time, amount time.Duration, inPhase bool) {
	if limit := MaxApplication(w.cur.Kind); limit > 0 && inPhase {
		amount = min(amount, limit-w.length)
	}
	switch {
	case amount == 0:
	case !inPhase:
		w.cur.End = later(w.cur.End.Add(amount), at)
	case w.held:
		amount = max(amount, -w.remaining)
		w.remaining += amount
		w.length += amount
	default:
		end := later(w.cur.End.Add(amount), at)
		w.length += end.Sub(w.cur.End)
		w.cur.End = end
	}
}

// later is the later of two instants.
func later(a, b time.Time) time.Time {
	if a.Before(b) {
		return b
	}
	return a
}
