// Package report counts what a person did, day by day: ice and heat
// applications and courses started and ended, from the courses in history
// and the saved one, with the engine. It is policy, not storage: the store
// only reads and writes the courses.
package report

import (
	"slices"
	"sort"
	"time"

	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// Applications is how often, and for how long in all, packs were on.
type Applications struct {
	Count int
	Time  time.Duration
}

// Day is what happened on one local calendar day.
type Day struct {
	// Day is the local midnight the day starts at.
	Day time.Time
	// Ice and Heat count the ice and heat phases that started that day, and
	// the time packs were on within the day (a phase running past midnight
	// adds to both days; paused time does not count).
	Ice, Heat Applications
	// Started and Finished count the courses that began and that ended that
	// day (however they ended: stopped, finished or replaced).
	Started, Finished int
	// Pain is the check-ins given that day, in order.
	Pain []schedule.PainScore
	// Removals counts the "remove the pack" reminders of the day; Late is
	// those acknowledged more than remind.LateAfter after the reminder,
	// Unanswered those nothing acknowledged before the next change.
	Removals, Unanswered int
	Late                 []remind.Removal
	// HeatInARow is how many days in a row, this one included, had heat
	// time, counted up to HeatDays: at HeatDays section 9's heat line is
	// due.
	HeatInARow int
	// Numb is when a skin check was answered "numb" that day (PROTOCOLS.md
	// section 9), in order.
	Numb []time.Time
	// Unconfirmed is the day's put-on reminders that nothing confirmed
	// ("Is it on?" never answered; the phase ran as planned), in order.
	Unconfirmed []PutOn
}

// PutOn is a reminder to put a pack on: when it went out, and which pack.
type PutOn struct {
	At   time.Time
	Kind schedule.Kind
}

// Days is one Day for each of the days local calendar days up to
// and including now's, oldest first, in loc. records are the courses from
// History plus the saved course, if any, with a zero EndedAt; each course
// counts up to its end and never past now. A saved course that is also the
// last in history (an Archive cut short) must not be passed twice; Load
// already reports it as no course. HeatInARow counts the HeatDays-1 days
// before the first one too, so records should reach back to them.
func Days(records []store.Record, now time.Time, days int, loc *time.Location) []Day {
	c := newCounter(now, days+HeatDays-1, loc, true)
	for _, r := range records {
		c.add(r)
	}
	return c.heatDays()
}

// count is records counted into days days up to now's (see counter).
func count(records []store.Record, now time.Time, days int, loc *time.Location, checkIns bool) []Day {
	c := newCounter(now, days, loc, checkIns)
	for _, r := range records {
		c.add(r)
	}
	return c.days()
}

// counter counts courses into days one at a time, in any order (history
// is read from its end), keeping only the figures. Without checkIns it
// leaves out the pain scores and the removals, which the screen's count of
// today's applications does not show and would pay for at every change.
type counter struct {
	now      time.Time
	out      []Day
	bounds   []time.Time
	checkIns bool
}

func newCounter(now time.Time, days int, loc *time.Location, checkIns bool) *counter {
	now = now.Round(0).In(loc)
	c := &counter{now: now, out: make([]Day, days), bounds: make([]time.Time, days+1), checkIns: checkIns}
	y, m, d := now.Date()
	for i := range c.bounds {
		c.bounds[i] = time.Date(y, m, d-days+1+i, 0, 0, 0, 0, loc)
	}
	for i := range c.out {
		c.out[i].Day = c.bounds[i]
	}
	return c
}

// from is where the days begin: a course that ended before it adds
// nothing.
func (c *counter) from() time.Time { return c.bounds[0] }

// dayOf is the index of the day holding t, or -1 outside the span.
func (c *counter) dayOf(t time.Time) int {
	i := sort.Search(len(c.bounds), func(i int) bool { return c.bounds[i].After(t) }) - 1
	if i < 0 || i >= len(c.out) {
		return -1
	}
	return i
}

// addIfIn counts the course of r when it ended within the days (or is the
// saved one) and reports whether it did: history read from its end has
// nothing more for the days once it did not.
func (c *counter) addIfIn(r store.Record) bool {
	if !r.EndedAt.IsZero() && r.EndedAt.Before(c.from()) {
		return false
	}
	c.add(r)
	return true
}

// add counts the course of r.
func (c *counter) add(r store.Record) {
	limit := c.now
	if !r.EndedAt.IsZero() && r.EndedAt.Before(limit) {
		limit = r.EndedAt
	}
	if !r.Course.Start.Before(limit) {
		return
	}
	if i := c.dayOf(r.Course.Start); i >= 0 {
		c.out[i].Started++
	}
	if end, ended := courseEnd(r, limit); ended {
		if i := c.dayOf(end); i >= 0 {
			c.out[i].Finished++
		}
	}
	// Only what overlaps the days counts: walking the course up to them
	// skips whole cycles, and nothing is kept (a day of a one-second
	// cycle is some 30,000 segments, counted at every one of them).
	for seg := range r.Course.During(c.from(), limit) {
		if seg.Kind.IsOn() {
			c.addApplication(seg, limit)
		}
	}
	if c.checkIns {
		c.addCheckIns(r.Course, limit)
	}
}

// days is the figures of the courses added, each day's check-ins and late
// removals in order.
func (c *counter) days() []Day {
	for i := range c.out {
		slices.SortStableFunc(c.out[i].Pain, func(a, b schedule.PainScore) int { return a.At.Compare(b.At) })
		slices.SortStableFunc(c.out[i].Late, func(a, b remind.Removal) int { return a.At.Compare(b.At) })
	}
	return c.out
}

// heatDays is days, less the HeatDays-1 days counted first for the days in
// a row with heat (the counter counts them too, see Days).
func (c *counter) heatDays() []Day {
	all := c.days()
	heatRuns(all)
	return all[HeatDays-1:]
}

// courseEnd is when the course in r ended, if it had by limit.
func courseEnd(r store.Record, limit time.Time) (time.Time, bool) {
	if st := r.Course.StateAt(limit); st.Done {
		return st.Current.Start, true
	}
	return r.EndedAt, !r.EndedAt.IsZero()
}

// addApplication counts seg on the day it started, when that is one of the
// days, and adds its time, clipped to limit, to every day it overlaps.
func (c *counter) addApplication(seg schedule.Segment, limit time.Time) {
	end := seg.End
	if end.IsZero() || end.After(limit) {
		end = limit
	}
	// Paused time is not time with a pack on. Where in the segment the pause
	// fell is not kept, so it comes off the segment's end.
	end = end.Add(-seg.Paused)
	first := c.dayOf(seg.Start)
	for i := max(first, 0); i < len(c.out) && c.bounds[i].Before(end); i++ {
		from, to := maxTime(seg.Start, c.bounds[i]), minTime(end, c.bounds[i+1])
		if !to.After(from) {
			continue
		}
		a := &c.out[i].Ice
		if seg.Kind == schedule.Heat {
			a = &c.out[i].Heat
		}
		if i == first {
			a.Count++
		}
		a.Time += to.Sub(from)
	}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// Today is now's day in loc: the courses in history and c, the course
// running now, which the timer screen counts as "today: ice 2, heat 1".
func Today(history []store.Record, c schedule.Course, now time.Time, loc *time.Location) Day {
	records := append(history[:len(history):len(history)], store.Record{Course: c})
	return count(records, now, 1, loc, false)[0]
}
