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
		amount := e.Amount
		if limit := MaxApplication(w.cur.Kind); limit > 0 && inPhase {
			amount = min(amount, limit-w.length) // the rail holds for a file edited by hand
		}
		if amount <= 0 {
			return
		}
		switch {
		case !inPhase:
			w.cur.End = w.cur.End.Add(amount)
		case w.held:
			w.remaining += amount
			w.length += amount
		default:
			w.cur.End = w.cur.End.Add(amount)
			w.length += amount
		}
	case Restart:
		if inPhase {
			d := w.phase().Duration
			w.resume(e.At)
			w.cur.End = e.At.Add(d)
			w.length = d
		}
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
