package schedule

import "time"

// walker replays a course from its start, one happening at a time: the
// course starting, a phase ending, quiet hours beginning or ending, or an
// event. Every answer the package gives is read off a walker, so they all
// agree with each other. A walker allocates nothing, so a caller can walk a
// course for as long as it likes.
type walker struct {
	course *Course
	start  time.Time
	// applied counts the events already applied; lastAt is when the latest
	// of them took effect (the start before the first).
	applied int
	lastAt  time.Time

	// cur is the current segment, the zero Segment until the course starts.
	// Its Paused holds the frozen time up to frozeAt while frozen.
	cur Segment
	// held says the person's pause is in force. It lasts through quiet hours,
	// which have no countdown to freeze; while the current segment is a phase
	// it is frozen: remaining holds what is left, cur.End is stale, and
	// frozeAt is when the freeze began (the pause, or the phase's start).
	held       bool
	frozeAt    time.Time
	remaining  time.Duration
	length     time.Duration
	stageStart time.Time
	quiet      span // tonight's quiet hours, or the ones running now

	// moved says the latest happening made a transition; ended is the
	// segment that transition ended (the zero Segment for the course's start).
	moved bool
	ended Segment

	// checked is when the current ice phase's skin check came (zero: not
	// yet), skinAnswered whether the person answered it.
	checked      time.Time
	skinAnswered bool
}

// happening is the kind of thing that happens next to a walker.
type happening int

const (
	nothing     happening = iota // nothing will ever happen again
	starts                       // the course starts
	quietStarts                  // tonight's quiet hours begin
	runsOut                      // the current segment reaches its planned end
	event                        // the next recorded event
	skinChecks                   // the current ice phase's skin check comes
)

func newWalker(c *Course) walker {
	start := c.Start.Round(0)
	w := walker{course: c, start: start, lastAt: start, stageStart: start}
	if c.Quiet.Enabled {
		w.quiet = firstNight(c, start)
	}
	return w
}

// eventAt is the instant the next event takes effect: never before the
// course's start nor before the event recorded ahead of it (a clock that
// stepped backwards between two key presses cannot reorder them).
func (w *walker) eventAt() time.Time {
	at := w.course.Events[w.applied].At.Round(0)
	if at.Before(w.lastAt) {
		return w.lastAt
	}
	return at
}

// lastEvent is the instant the latest event takes effect, or the start when
// there is none.
func (w *walker) lastEvent() time.Time {
	last := w.start
	for _, e := range w.course.Events {
		if at := e.At.Round(0); at.After(last) {
			last = at
		}
	}
	return last
}

// next is what happens next and when. Scheduled boundaries go before events
// at the same instant, so an event at the exact instant of a transition acts
// on the phase that has just begun, as the screen shows it; a skin check
// comes only strictly before its phase ends, and before an event at its
// instant, which may answer it.
func (w *walker) next() (time.Time, happening) {
	at, h := w.boundary()
	if check, ok := w.skinCheckDue(); ok && (h == nothing || check.Before(at)) {
		at, h = check, skinChecks
	}
	if w.applied < len(w.course.Events) {
		if e := w.eventAt(); h == nothing || e.Before(at) {
			return e, event
		}
	}
	return at, h
}

// boundary is the next scheduled change of segment, if any: the course
// starting, quiet hours beginning, or the current segment running out.
func (w *walker) boundary() (time.Time, happening) {
	switch w.cur.Kind {
	case "":
		return w.start, starts
	case Done:
		return time.Time{}, nothing
	case Quiet:
		return w.cur.End, runsOut
	}
	if w.course.Quiet.Enabled && (w.held || !w.quiet.start.After(w.cur.End)) {
		// Quiet hours win a tie with the phase's end: the night starts either way.
		return w.quiet.start, quietStarts
	}
	if w.held {
		return time.Time{}, nothing
	}
	return w.cur.End, runsOut
}

// do performs happening h at instant at, as next gave them, and reports
// whether it made a transition (a happening makes at most one), which
// transition then reads.
func (w *walker) do(at time.Time, h happening) bool {
	w.moved = false
	switch h {
	case starts:
		w.startPhase(at, 0, 0, CauseStart)
	case quietStarts:
		w.begin(Segment{Kind: Quiet, Stage: w.cur.Stage, Index: -1, Start: at, End: w.quiet.end, Cause: CauseQuietStart})
	case runsOut:
		if w.cur.Kind == Quiet {
			w.endQuiet(at, CauseQuietEnd)
		} else {
			w.nextPhase(at, CauseScheduled)
		}
	case skinChecks:
		w.checked = at
	case event:
		e := w.course.Events[w.applied]
		e.At = at
		w.applied++
		w.lastAt = at
		w.apply(e)
	}
	return w.moved
}

// advance performs every happening at or before limit, skipping whole
// cycles where nothing else happens (see skipCycles).
func (w *walker) advance(limit time.Time) {
	for {
		w.skipCycles(limit)
		at, h := w.next()
		if h == nothing || at.After(limit) {
			return
		}
		w.do(at, h)
	}
}

// each walks on for as long as the course changes, handing every transition
// to yield until yield returns false.
func (w *walker) each(yield func(Transition) bool) {
	for {
		at, h := w.next()
		if h == nothing {
			return
		}
		if w.do(at, h) && !yield(w.transition()) {
			return
		}
	}
}

// endQuiet starts a fresh cycle after quiet hours, with the pack going on.
func (w *walker) endQuiet(at time.Time, cause Cause) {
	w.quiet = w.course.Quiet.nextAfter(at)
	w.startCycle(at, true, cause)
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

// begin makes seg the current segment, keeping the one it ends for
// transition. A pause in force ends the old segment's frozen time and, if
// seg is a phase, freezes it from its start.
func (w *walker) begin(seg Segment) {
	w.ended = w.cur
	w.ended.End = seg.Start
	if w.frozen() {
		w.ended.Paused += seg.Start.Sub(w.frozeAt)
	}
	if w.ended.Kind == "" {
		w.ended = Segment{}
	}
	w.cur = seg
	w.frozeAt = seg.Start
	w.moved = true
	w.rearmSkinCheck()
}

// transition is the change the latest happening made, read straight after
// it: the segment begun is given its end as planned at that instant.
func (w *walker) transition() Transition {
	return Transition{At: w.cur.Start, From: w.ended, To: w.segmentAt(w.cur.Start)}
}
