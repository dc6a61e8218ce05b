package schedule

import "time"

// Upcoming lists the next n transitions strictly after now if nothing else
// happens, a pause counted as released now (as State.Next is). It is what a
// screen shows as "next: rest at 14:20, ice at 14:40". It works out only the
// transitions it returns, however often the course changes.
func (c Course) Upcoming(now time.Time, n int) []Transition {
	w, now := walkTo(&c, now)
	if w.cur.Kind == Done || n <= 0 {
		return nil
	}
	var out []Transition
	a := w.ahead(now)
	a.each(func(t Transition) bool {
		if t.At.After(now) {
			out = append(out, t)
		}
		return len(out) < n
	})
	return out
}
