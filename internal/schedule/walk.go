package schedule

import "time"

// walker replays a course from its start, one happening at a time: a phase
// ending, quiet hours beginning or ending, or an event. Every answer the package
// gives is read off a walker, so they all agree with each other.
type walker struct {
	course *Course
	events []Event // effective instants: in order, none before the start
	next   int     // the next event to apply

	cur Segment
	// paused freezes the countdown: remaining holds what is left and cur.End
	// is stale until Resume.
	paused     bool
	remaining  time.Duration
	length     time.Duration
	stageStart time.Time
	quiet      span // tonight's quiet hours, or the ones running now

	// onTransition, if set, sees each transition as it happens.
	onTransition func(Transition)
}

// effectiveEvents gives each event the instant it takes effect: never before
// the course's start nor before the event recorded ahead of it (a clock that
// stepped backwards between two key presses cannot reorder them).
func effectiveEvents(c *Course) []Event {
	out := make([]Event, len(c.Events))
	last := c.Start.Round(0)
	for i, e := range c.Events {
		e.At = e.At.Round(0)
		if e.At.Before(last) {
			e.At = last
		}
		last = e.At
		out[i] = e
	}
	return out
}

func newWalker(c *Course, onTransition func(Transition)) *walker {
	start := c.Start.Round(0)
	w := &walker{
		course:       c,
		events:       effectiveEvents(c),
		stageStart:   start,
		onTransition: onTransition,
	}
	if c.Quiet.Enabled {
		// A course started during quiet hours runs at once: the person chose to
		// start it. Quiet hours apply from the next time they begin.
		w.quiet = c.Quiet.nextAfter(start)
	}
	w.startPhase(start, 0, 0, CauseStart)
	return w
}

// lastEvent is the instant of the latest event, or the start when there is none.
func (w *walker) lastEvent() time.Time {
	if len(w.events) == 0 {
		return w.course.Start.Round(0)
	}
	return w.events[len(w.events)-1].At
}

// boundary is the next scheduled change of segment, if any: quiet hours
// beginning, or the current segment running out.
func (w *walker) boundary() (at time.Time, quietStarts, ok bool) {
	switch {
	case w.cur.Kind == Done:
		return time.Time{}, false, false
	case w.cur.Kind == Quiet:
		return w.cur.End, false, true
	}
	if w.course.Quiet.Enabled && (w.paused || !w.quiet.start.After(w.cur.End)) {
		// Quiet hours win a tie with the phase's end: the night starts either way.
		return w.quiet.start, true, true
	}
	if w.paused {
		return time.Time{}, false, false
	}
	return w.cur.End, false, true
}

// advance applies every happening at or before limit. Scheduled boundaries go
// before events at the same instant, so an event at the exact instant of a
// transition acts on the phase that has just begun, as the screen shows it.
func (w *walker) advance(limit time.Time) {
	for {
		b, quietStarts, hasBoundary := w.boundary()
		hasBoundary = hasBoundary && !b.After(limit)
		hasEvent := w.next < len(w.events) && !w.events[w.next].At.After(limit)
		switch {
		case hasBoundary && (!hasEvent || !b.After(w.events[w.next].At)):
			w.cross(b, quietStarts)
		case hasEvent:
			w.apply(w.events[w.next])
			w.next++
		default:
			return
		}
	}
}

// cross moves past the scheduled boundary at instant at.
func (w *walker) cross(at time.Time, quietStarts bool) {
	switch {
	case quietStarts:
		w.begin(Segment{Kind: Quiet, Stage: w.cur.Stage, Index: -1, Start: at, End: w.quiet.end, Cause: CauseQuietStart})
	case w.cur.Kind == Quiet:
		w.endQuiet(at, CauseQuietEnd)
	default:
		w.nextPhase(at, CauseScheduled)
	}
}

// endQuiet starts a fresh cycle after quiet hours, with the pack going on.
func (w *walker) endQuiet(at time.Time, cause Cause) {
	w.quiet = w.course.Quiet.nextAfter(at)
	w.startCycle(at, true, cause)
}

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
		if !w.paused {
			w.paused = true
			if inPhase {
				w.remaining = max(w.cur.End.Sub(e.At), 0)
			}
		}
	case Resume:
		if w.paused {
			w.paused = false
			if inPhase {
				w.cur.End = e.At.Add(w.remaining)
			}
		}
	case Skip:
		if inPhase {
			w.nextPhase(e.At, CauseSkip)
		} else {
			w.endQuiet(e.At, CauseSkip)
		}
	case Extend:
		if e.Amount <= 0 {
			return
		}
		switch {
		case !inPhase:
			w.cur.End = w.cur.End.Add(e.Amount)
		case w.paused:
			w.remaining += e.Amount
			w.length += e.Amount
		default:
			w.cur.End = w.cur.End.Add(e.Amount)
			w.length += e.Amount
		}
	case Restart:
		if inPhase {
			d := w.phase().Duration
			w.paused = false
			w.cur.End = e.At.Add(d)
			w.length = d
		}
	case Stop:
		w.begin(Segment{Kind: Done, Stage: w.cur.Stage, Index: -1, Start: e.At, Cause: CauseStop})
	}
}

// phase is the protocol phase the current segment runs.
func (w *walker) phase() Phase {
	return w.course.Protocol.Stages[w.cur.Stage].Cycle[w.cur.Index]
}

// nextPhase moves to the phase after the current one, wrapping to a new cycle.
func (w *walker) nextPhase(at time.Time, cause Cause) {
	i := w.cur.Index + 1
	if i >= len(w.course.Protocol.Stages[w.cur.Stage].Cycle) {
		w.startCycle(at, false, cause)
		return
	}
	w.startPhase(at, w.cur.Stage, i, cause)
}

// startCycle begins a pass through the cycle at a cycle boundary, which is
// where a stage whose window has run out gives way to the next one. fresh
// starts at the first ice or heat phase (after quiet hours).
func (w *walker) startCycle(at time.Time, fresh bool, cause Cause) {
	stage := w.cur.Stage
	if st := w.course.Protocol.Stages[stage]; !st.UntilStopped() && !at.Before(w.stageStart.Add(st.Window)) {
		stage++
		if stage == len(w.course.Protocol.Stages) {
			w.begin(Segment{Kind: Done, Stage: stage - 1, Index: -1, Start: at, Cause: cause})
			return
		}
		w.stageStart = at
	}
	index := 0
	if fresh {
		index = w.course.Protocol.Stages[stage].Cycle.firstOn()
	}
	w.startPhase(at, stage, index, cause)
}

func (w *walker) startPhase(at time.Time, stage, index int, cause Cause) {
	d := w.course.Protocol.Stages[stage].Cycle[index].Duration
	w.length = d
	w.remaining = d
	w.begin(Segment{Kind: w.course.Protocol.Stages[stage].Cycle[index].Kind, Stage: stage, Index: index, Start: at, End: at.Add(d), Cause: cause})
}

// begin makes seg the current segment and reports the transition into it.
func (w *walker) begin(seg Segment) {
	from := w.cur
	from.End = seg.Start
	w.cur = seg
	if w.onTransition == nil {
		return
	}
	to := w.cur
	to.End = w.plannedEnd(seg.Start)
	if from.Kind == "" {
		from = Segment{}
	}
	w.onTransition(Transition{At: seg.Start, From: from, To: to})
}

// plannedEnd is when the current segment ends if nothing else happens from
// now on; a paused phase is counted as if resumed now. Zero once done.
func (w *walker) plannedEnd(now time.Time) time.Time {
	switch w.cur.Kind {
	case Done:
		return time.Time{}
	case Quiet:
		return w.cur.End
	}
	end := w.cur.End
	if w.paused {
		end = now.Add(w.remaining)
	}
	if w.course.Quiet.Enabled && w.quiet.start.Before(end) {
		end = w.quiet.start
	}
	return end
}
