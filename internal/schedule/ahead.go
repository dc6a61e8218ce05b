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

// plannedEnd is when the current segment ends if nothing else happens from
// now on, a pause counted as released now. Zero once done.
func (w *walker) plannedEnd(now time.Time) time.Time {
	a := w.ahead(now)
	end, _ := a.boundary()
	return end
}

// lookAhead reports the segment that comes next if nothing else happens from
// now on, a pause counted as released now, and when the current stage ends
// (zero when it runs until stopped).
func (w *walker) lookAhead(now time.Time) (next Segment, stageEnds time.Time) {
	stage := w.cur.Stage
	untilStopped := w.course.Protocol.Stages[stage].UntilStopped()
	a := w.ahead(now)
	a.each(func(t Transition) bool {
		if next.Kind == "" {
			next = t.To
		}
		if !untilStopped && (t.To.Stage != stage || t.To.Kind == Done) {
			stageEnds = t.At
		}
		return stageEnds.IsZero() && !(untilStopped && next.Kind != "") && t.To.Kind != Done
	})
	return next, stageEnds
}
