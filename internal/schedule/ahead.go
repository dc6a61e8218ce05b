package schedule

import "time"

// ahead is a copy of the walker at now with nothing more happening from then
// on: the events not yet applied are dropped, and the person's pause, if in
// force, counts as released now (a frozen phase runs on from now; a paused
// night lets the morning start on its own). It is the package's one way of
// looking past a pause: planned ends, State.Next and StageEnds, and Upcoming
// all read it, so they agree.
func (w *walker) ahead(now time.Time) walker {
	a := *w
	a.applied = len(a.course.Events)
	a.resume(now)
	return a
}

// segmentAt is the current segment as known at now: its paused time counted
// up to now, and its end when it ends if nothing else happens, a pause
// counted as released now (zero once done).
func (w *walker) segmentAt(now time.Time) Segment {
	a := w.ahead(now)
	seg := a.cur
	seg.End, _ = a.boundary()
	return seg
}

// lookAhead reports the segment that comes next if nothing else happens from
// now on, a pause counted as released now, and when the current stage ends
// (zero when it runs until stopped).
func (w *walker) lookAhead(now time.Time) (next Segment, stageEnds time.Time) {
	stage := w.cur.Stage
	untilStopped := w.course.Protocol.Stages[stage].UntilStopped()
	a := w.ahead(now)
	for {
		at, h := a.next()
		if h == nothing {
			break
		}
		if !a.do(at, h) {
			continue
		}
		t := a.transition()
		if next.Kind == "" {
			next = t.To
		}
		if !untilStopped && (t.To.Stage != stage || t.To.Kind == Done) {
			stageEnds = t.At
		}
		if !stageEnds.IsZero() || untilStopped || t.To.Kind == Done {
			break
		}
		// A stage's window may be years: walk it by cycles, not phases.
		a.skipCycles(time.Time{})
	}
	return next, stageEnds
}
