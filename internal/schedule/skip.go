package schedule

import "time"

// skipping is turned off by tests only, to check the jump against the walk
// it stands for.
var skipping = true

// length is how long one pass through the cycle takes.
func (c Cycle) length() time.Duration {
	var d time.Duration
	for _, p := range c {
		d += p.Duration
	}
	return d
}

// skipCycles jumps the walker over the whole cycles ahead of it in which
// nothing happens but phases ending: no event, no quiet hours, no end of
// the stage's window, and nothing after limit (zero for no limit). It lands
// on a cycle's first phase as if it had walked each phase in between, for
// every answer read from the walker afterwards but transition, which is
// read only straight after do. So walking a course costs per event, night
// and stage, however short its phases and however long ago it started.
func (w *walker) skipCycles(limit time.Time) {
	if !skipping || w.held || w.cur.Index != 0 || w.cur.Kind == "" || w.cur.Kind == Quiet || w.cur.Kind == Done {
		return
	}
	stage := w.course.Protocol.Stages[w.cur.Stage]
	if w.cur.End != w.cur.Start.Add(stage.Cycle[0].Duration) {
		return // an extension or a restart is in force
	}
	// Phase ends land at or before the next event and limit (a boundary
	// goes first at a tie), but strictly before quiet hours, which win a tie
	// with a phase's end, and before the window's end, so that the stage's
	// change is walked and seen as a transition.
	length := stage.Cycle.length()
	k := time.Duration(1<<63 - 1)
	if until, ok := w.nextEventOr(limit); ok {
		k = until.Sub(w.cur.Start) / length
	}
	if !stage.UntilStopped() {
		k = min(k, (w.stageStart.Add(stage.Window).Sub(w.cur.Start)-1)/length)
	}
	if w.course.Quiet.Enabled {
		k = min(k, (w.quiet.start.Sub(w.cur.Start)-1)/length)
	}
	if k < 2 {
		return // one cycle or less: walking it costs no more
	}
	w.startCycle(w.cur.Start.Add(k*length), false, CauseScheduled)
}

// nextEventOr is the earlier of the next event's instant and limit (zero
// for none); false when there is neither.
func (w *walker) nextEventOr(limit time.Time) (time.Time, bool) {
	if w.applied < len(w.course.Events) {
		if e := w.eventAt(); limit.IsZero() || e.Before(limit) {
			return e, true
		}
	}
	return limit, !limit.IsZero()
}
