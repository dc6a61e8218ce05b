package schedule

import "time"

// The actions that move the current phase's end: extend, shorten, restart
// and on-since. Each is refused when the course would read the same
// afterwards, with why, so that a key or a command never does nothing in
// silence.

// step is how much an extend or shorten action moves the phase: its
// Amount in whole seconds, DefaultAmount when it names none.
func (a Action) step() (time.Duration, error) {
	switch {
	case a.Amount == 0:
		return DefaultAmount, nil
	case a.Amount < time.Second || a.Amount > MaxExtend:
		return 0, refuse(ErrBadInput, "%s %s: want an amount from 1s to %s, or none for %s", a.Verb, FormatDuration(a.Amount), FormatDuration(MaxExtend), FormatDuration(DefaultAmount))
	}
	return a.Amount.Truncate(time.Second), nil
}

func (c Course) extend(a Action, st State, now time.Time) (Course, error) {
	amount, err := a.step()
	if err != nil {
		return c, err
	}
	kind := st.Current.Kind
	limit := MaxApplication(kind)
	// While paused the pack is off: more time is then only capped (the
	// engine never lets the countdown grow past the limit), not refused.
	if limit > 0 && !st.Paused && st.Length+amount > limit {
		return c, atCap(kind, limit, st.Length)
	}
	next := c.with(Event{Type: Extend, At: EventInstant(now), Amount: amount})
	switch {
	case changes(st, next.StateAt(now)):
		return next, nil
	case limit > 0 && st.Length >= limit:
		return c, atCap(kind, limit, st.Length)
	case kind != Quiet && st.Next.Kind == Quiet:
		return c, refuse(ErrNoEffect, "this %s ends at %s for the night: more time cannot carry it into quiet hours", kind, clockNear(st.Current.End, now))
	}
	return c, refuse(ErrNoEffect, "this %s cannot be made longer now", kindName(kind))
}

// atCap is the refusal of more time for a phase of kind that has run a
// countdown of length, limit being the most one application may last.
func atCap(kind Kind, limit, length time.Duration) error {
	if left := limit - length; left >= time.Second {
		return refuse(ErrAtCap, "one %s application lasts at most %s: this one has %s left to add", kind, spoken(limit), spoken(left))
	}
	return refuse(ErrAtCap, "one %s application lasts at most %s: this one has no more to add", kind, spoken(limit))
}

func (c Course) shorten(a Action, st State, now time.Time) (Course, error) {
	amount, err := a.step()
	if err != nil {
		return c, err
	}
	next := c.with(Event{Type: Extend, At: EventInstant(now), Amount: -amount})
	if !changes(st, next.StateAt(now)) {
		return c, refuse(ErrNoEffect, "this %s has no time left to take off", kindName(st.Current.Kind))
	}
	return next, nil
}

func (c Course) restart(st State, now time.Time) (Course, error) {
	if st.Current.Kind == Quiet {
		return c, refuse(ErrNotNow, "quiet hours run until %s: there is no phase to restart", clockNear(st.Current.End, now))
	}
	at := EventInstant(now)
	next := c.with(Event{Type: Restart, At: at})
	if !changes(st, next.StateAt(now)) {
		return c, refuse(ErrNoEffect, "this %s counts from %s already", st.Current.Kind, clockNear(at, now))
	}
	return next, nil
}

// onSince counts the current ice or heat phase from Amount before now: the
// pack went on then, not when the phase began. The instant must fall
// within the phase as it runs (after the last event, which events are
// kept in order behind), and leave the phase still running.
func (c Course) onSince(a Action, st State, now time.Time) (Course, error) {
	kind := st.Current.Kind
	switch {
	case a.Amount < 0:
		return c, refuse(ErrBadInput, "on-since %s: want how long ago the pack went on, 0s or more", FormatDuration(a.Amount))
	case !kind.IsOn():
		return c, refuse(ErrNotNow, "a pack goes on in an ice or heat phase: it is %s now", kindName(kind))
	case st.Paused:
		return c, refuse(ErrNotNow, "the course is paused: resume it, then say when the pack went on")
	}
	since := EventInstant(now.Add(-a.Amount))
	from := c.changedLast(st)
	var next Course
	switch {
	case !since.Before(from):
		next = c.with(Event{Type: Restart, At: since})
	case c.untouched(st):
		// The pack went on before the course was started ("two minutes
		// before I pressed start"): in the first phase, with nothing
		// recorded yet, the course starts then instead. Once something is
		// recorded the phase is counted from it, and no event can be put
		// before another.
		next = c
		next.Start = since
		if c.ConfirmPutOn {
			// Saying when the pack went on answers "Is it on?", as any
			// other key does; a confirmation at that instant changes
			// nothing else.
			next = next.with(Event{Type: Confirm, At: since})
		}
	default:
		return c, refuse(ErrOutsidePhase, "this %s has run %s since %s: give at most %s, or restart it", kind, spoken(now.Sub(from)), clockNear(from, now), spoken(now.Sub(from)))
	}
	after := next.StateAt(now)
	if cur := after.Current; cur.Kind != kind || cur.Stage != st.Current.Stage || cur.Index != st.Current.Index || (!cur.Start.Equal(st.Current.Start) && !cur.Start.Equal(since)) {
		d := c.Protocol.Stages[st.Current.Stage].Cycle[st.Current.Index].Duration
		return c, refuse(ErrOutsidePhase, "a %s %s on since %s would have ended at %s: take the pack off now (skip) instead", spoken(d), kind, clockNear(since, now), clockNear(since.Add(d), now))
	}
	if !changes(st, after) {
		return c, refuse(ErrNoEffect, "this %s counts from %s already", kind, clockNear(since, now))
	}
	return next, nil
}

// changedLast is the latest instant the current phase was begun or
// changed at: its start or the last event, whichever is later.
func (c Course) changedLast(st State) time.Time {
	from := st.Current.Start
	for _, e := range c.Events {
		if at := e.At.Round(0); at.After(from) {
			from = at
		}
	}
	return from
}

// untouched says the course runs its very first phase with nothing
// recorded: its start is still the instant that phase counts from.
func (c Course) untouched(st State) bool {
	return len(c.Events) == 0 && st.Current.Cause == CauseStart && st.Current.Start.Equal(c.Start.Round(0))
}

// changes reports whether the course reads differently at the same instant
// after an action: another segment, another end, another time left, or
// the pause lifted.
func changes(before, after State) bool {
	b, a := before.Current, after.Current
	return b.Kind != a.Kind || b.Stage != a.Stage || b.Index != a.Index || !b.Start.Equal(a.Start) || !b.End.Equal(a.End) ||
		before.Remaining != after.Remaining || before.WaitsForResume != after.WaitsForResume
}

// kindName names a segment's kind in a reason: "ice", "rest", "night".
func kindName(k Kind) string {
	if k == Quiet {
		return "night"
	}
	return string(k)
}
