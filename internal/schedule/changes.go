package schedule

import (
	"iter"
	"time"
)

// Changes yields every transition with an instant at or after from, in order,
// as the course runs with its recorded events and nothing else happening
// afterwards. The course's first phase counts as a transition at its start.
//
// It is lazy: each transition is worked out as it is asked for. A course that
// runs until stopped changes for ever, so a caller breaks out of the loop
// once it has what it needs. A course paused after its last event stays
// paused: its only further changes are quiet hours beginning and ending.
func (c Course) Changes(from time.Time) iter.Seq[Transition] {
	from = from.Round(0)
	return func(yield func(Transition) bool) {
		w := newWalker(&c)
		w.advance(from.Add(-time.Nanosecond))
		w.each(func(t Transition) bool {
			return t.At.Before(from) || yield(t)
		})
	}
}
