package schedule

import (
	"iter"
	"time"
)

// StateAt is the course at instant now.
//
// now is compared as wall-clock time (its monotonic reading is dropped). An
// instant before the course's start or before its latest event (a clock that
// stepped backwards) is read as that instant, so the answer never runs
// backwards past what the person did and the remaining time is never negative.
func (c Course) StateAt(now time.Time) State {
	w, now := walkTo(&c, now)

	s := State{
		Now:     now,
		Current: w.segmentAt(now),
		Length:  w.length,
		Done:    w.cur.Kind == Done,
		// The person's pause outlasts the countdown through the night; State
		// tells the two apart so that no caller has to.
		Paused:         w.frozen(),
		WaitsForResume: w.held && w.cur.Kind != Done,
		SkinCheck:      w.skinCheckWaits(),
	}
	switch {
	case s.Done:
		return s
	case s.Paused:
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

// walkTo is a walker that has replayed c up to now, and now as read: wall
// clock, and never before the course's start nor its latest event.
func walkTo(c *Course, now time.Time) (walker, time.Time) {
	w := newWalker(c)
	now = now.Round(0)
	if last := w.lastEvent(); now.Before(last) {
		now = last
	}
	w.advance(now)
	return w, now
}

// Transitions lists every transition with an instant in [from, to), in order:
// the start of Changes(from). Reminders are driven by asking for the
// transitions since the last instant handled.
func (c Course) Transitions(from, to time.Time) []Transition {
	to = to.Round(0)
	var out []Transition
	for t := range c.Changes(from) {
		if !t.At.Before(to) {
			break
		}
		out = append(out, t)
	}
	return out
}

// Segments lists the segments that start in [from, to), in order, each with
// its end: the actual end for those over by to, the planned end for the last.
func (c Course) Segments(from, to time.Time) []Segment {
	var out []Segment
	c.segments(from, to, false, func(s Segment) bool { out = append(out, s); return true })
	return out
}

// During yields the segments that overlap [from, to), in order, each with
// its end as Segments gives it: first the one already running at from, if
// any, then those that start in [from, to). It keeps none of them, so
// counting a day of a one-second cycle allocates nothing.
func (c Course) During(from, to time.Time) iter.Seq[Segment] {
	return func(yield func(Segment) bool) { c.segments(from, to, true, yield) }
}

// segments yields what Segments lists, and with running the segment running
// at from before them. A segment is yielded once its end is known: at the
// transition that ends it, or at to.
func (c Course) segments(from, to time.Time, running bool, yield func(Segment) bool) {
	from, to = from.Round(0), to.Round(0)
	w := newWalker(&c)
	w.advance(from.Add(-time.Nanosecond))
	// open says the walker's current segment is to be yielded; first, that
	// it is the one running at from, yielded only if it lasts past from.
	open := running && w.cur.Kind != "" && w.cur.Kind != Done && from.Before(to)
	first := open
	for {
		at, h := w.next()
		if h == nothing || at.After(to) {
			break
		}
		if !w.do(at, h) {
			continue
		}
		t := w.transition()
		if open && (!first || t.From.End.After(from)) && !yield(t.From) {
			return
		}
		first = false
		open = !t.At.Before(from) && t.At.Before(to)
	}
	if open {
		yield(w.segmentAt(to))
	}
}
