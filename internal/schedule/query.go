package schedule

import "time"

// StateAt is the course at instant now.
//
// now is compared as wall-clock time (its monotonic reading is dropped). An
// instant before the course's start or before its latest event (a clock that
// stepped backwards) is read as that instant, so the answer never runs
// backwards past what the person did and the remaining time is never negative.
func (c Course) StateAt(now time.Time) State {
	w := newWalker(&c, nil)
	now = now.Round(0)
	if last := w.lastEvent(); now.Before(last) {
		now = last
	}
	w.advance(now)

	s := State{
		Now:     now,
		Current: w.cur,
		Length:  w.length,
		Done:    w.cur.Kind == Done,
	}
	// The walker's pause outlasts the countdown through the night; State
	// tells the two apart so that no caller has to.
	s.WaitsForResume = w.paused && !s.Done
	s.Paused = s.WaitsForResume && w.cur.Kind != Quiet
	s.Current.End = w.plannedEnd(now)
	switch {
	case s.Done:
		return s
	case w.paused && w.cur.Kind != Quiet:
		s.Remaining = w.remaining
	default:
		s.Remaining = max(s.Current.End.Sub(now), 0)
	}
	if w.cur.Kind == Quiet {
		s.Length = w.cur.End.Sub(w.cur.Start)
	}
	s.Next, s.StageEnds = w.lookAhead(now)
	return s
}

// lookAhead plays the course on from now with nothing more happening (a
// paused phase counted as resumed now) and reports the next segment and when
// the current stage ends.
func (w *walker) lookAhead(now time.Time) (next Segment, stageEnds time.Time) {
	stage := w.cur.Stage
	untilStopped := w.course.Protocol.Stages[stage].UntilStopped()
	ahead := *w
	ahead.events = nil
	ahead.next = 0
	if ahead.paused && ahead.cur.Kind != Quiet {
		ahead.paused = false
		ahead.cur.End = now.Add(ahead.remaining)
	}
	done := false
	ahead.onTransition = func(t Transition) {
		if next.Kind == "" {
			next = t.To
		}
		if !untilStopped && (t.To.Stage != stage || t.To.Kind == Done) {
			stageEnds = t.At
		}
		done = !stageEnds.IsZero() || (untilStopped && next.Kind != "") || t.To.Kind == Done
	}
	for !done {
		at, quietStarts, ok := ahead.boundary()
		if !ok {
			break
		}
		ahead.cross(at, quietStarts)
	}
	return next, stageEnds
}

// Transitions lists every transition with an instant in [from, to), in order.
// The course's first phase counts as a transition at its start. Reminders are
// driven by asking for the transitions since the last instant handled.
func (c Course) Transitions(from, to time.Time) []Transition {
	from, to = from.Round(0), to.Round(0)
	var out []Transition
	w := newWalker(&c, func(t Transition) {
		if !t.At.Before(from) && t.At.Before(to) {
			out = append(out, t)
		}
	})
	w.advance(to)
	return out
}

// Segments lists the segments that start in [from, to), in order, each with
// its end: the actual end for those over by to, the planned end for the last.
func (c Course) Segments(from, to time.Time) []Segment {
	from, to = from.Round(0), to.Round(0)
	var out []Segment
	w := newWalker(&c, func(t Transition) {
		if n := len(out); n > 0 && out[n-1].Start.Equal(t.From.Start) {
			out[n-1].End = t.At
		}
		if !t.At.Before(from) && t.At.Before(to) {
			out = append(out, t.To)
		}
	})
	w.advance(to)
	if n := len(out); n > 0 && out[n-1].Start.Equal(w.cur.Start) && out[n-1].Kind == w.cur.Kind {
		out[n-1].End = w.plannedEnd(to)
	}
	return out
}
