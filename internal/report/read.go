package report

import (
	"errors"
	"slices"
	"time"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/store"
)

// Everything here reads history from its end, one course at a time
// (store.Walk), no further back than what is asked needs, and keeps the
// figures and what the advice reads rather than the courses: `report`,
// `history`, `status --json` and the screen cost what they show, not what
// history holds.

// adviceReach bounds how much of history the advice reads, within
// advice.Lookback: some 1,000 courses of a few check-ins each (a hundred
// long ones), far more than weeks of real use, so that years of heavy use
// (or a hostile history) cost `status --json` tens of milliseconds, not
// seconds.
const adviceReach = 1 << 20

// Read gives the figures of the last days days (today included) from the
// store: the courses of history that ended in them (or in the HeatDays-1
// days before, which the heat count needs), counted as they are read, and
// the saved course, counted up to now. Warnings name what could not be
// read; those courses are left out.
func Read(s *store.Store, now time.Time, days int, loc *time.Location) (figures []Day, warnings []string, err error) {
	count := newCounter(now, days+HeatDays-1, loc, true)
	warnings, err = s.Walk(func(r store.Record, _ int) bool { return count.addIfIn(r) })
	if err != nil {
		return nil, warnings, err
	}
	c, warnings := saved(s, warnings)
	if c != nil {
		count.add(*c)
	}
	return count.heatDays(), warnings, nil
}

// Gather is `icetimer report`'s summary of the last days days from the
// store: Read's figures, the advice given (as Given), the courses that ran
// in the days and the answers to the safety questions, all from one read
// of history. Warnings name what could not be read.
func Gather(s *store.Store, now time.Time, days int, loc *time.Location) (Summary, []string, error) {
	count := newCounter(now, days+HeatDays-1, loc, true)
	shown := dayStart(now, days, loc)
	var courses []store.Record
	h, warnings, err := readBack(s, now, func(r store.Record) bool {
		if !count.addIfIn(r) {
			return false
		}
		if ranSince(r, shown, now) {
			courses = append(courses, r)
		}
		return true
	})
	if err != nil {
		return Summary{}, warnings, err
	}
	slices.Reverse(courses)
	c, warnings := saved(s, warnings)
	if c != nil {
		count.add(*c)
		h.Add(*c, now)
		if ranSince(*c, shown, now) {
			courses = append(courses, *c)
		}
	}
	sum := Summarise(count.heatDays(), h.Given(now), now)
	sum.Courses = courses
	switch sum.Safety, err = s.SafetyAnswers(); {
	case errors.Is(err, store.ErrNoAnswers):
	case err != nil:
		warnings = append(warnings, err.Error())
	}
	return sum, warnings, nil
}

// Given is the advice the check-ins of history (the last advice.Lookback,
// at most adviceReach bytes of it) and the saved course call for at now;
// what cannot be read is left out, as Read's warnings say.
func Given(s *store.Store, now time.Time) []advice.Given {
	h, _, _ := readBack(s, now, nil)
	if c, _ := saved(s, nil); c != nil {
		h.Add(*c, now)
	}
	return h.Given(now)
}

// Earlier is what the timer screen reads of history when it starts.
type Earlier struct {
	// Today is the courses that ended today (or later), oldest first: the
	// count of today's applications adds the running course to them.
	Today []store.Record
	// Advice is what the advice reads of history (see Given), which a
	// check-in adds the running course to (advice.History.With).
	Advice advice.History
	// Heat is the courses that ended in the last HeatDays+1 days, for the
	// heat line (HeatLineDue).
	Heat []store.Record
}

// ReadEarlier reads what the timer screen needs of history at now, in one
// pass: today's courses, however many, the last fortnight's for the heat
// line, and the advice's reach. What cannot
// be read is left out.
func ReadEarlier(s *store.Store, now time.Time) Earlier {
	midnight := dayStart(now, 1, now.Location())
	heatFrom := dayStart(now, HeatDays+1, now.Location())
	var out Earlier
	out.Advice, _, _ = readBack(s, now, func(r store.Record) bool {
		if r.EndedAt.Before(heatFrom) {
			return false
		}
		out.Heat = append(out.Heat, r)
		if !r.EndedAt.Before(midnight) {
			out.Today = append(out.Today, r)
		}
		return true
	})
	slices.Reverse(out.Today)
	slices.Reverse(out.Heat)
	return out
}

// readBack reads history from its end for the advice at now, and gives
// also (unless nil) each course read, until neither wants more: also says
// whether it took the course.
func readBack(s *store.Store, now time.Time, also func(store.Record) bool) (advice.History, []string, error) {
	var h advice.History
	from, read := now.Add(-advice.Lookback), 0
	warnings, err := s.Walk(func(r store.Record, lineBytes int) bool {
		forAdvice := !r.EndedAt.Before(from) && read < adviceReach
		if forAdvice {
			read += lineBytes
			h.Add(r, now)
		}
		took := also != nil && also(r)
		return forAdvice || took
	})
	return h, warnings, err
}

// saved is the saved course, nil when there is none; a course that cannot
// be read is added to warnings.
func saved(s *store.Store, warnings []string) (*store.Record, []string) {
	c, err := s.Load()
	switch {
	case err == nil:
		return &store.Record{Course: c}, warnings
	case !errors.Is(err, store.ErrNoCourse):
		warnings = append(warnings, err.Error())
	}
	return nil, warnings
}

// ranSince reports whether the course of r ran at some time from from to
// now.
func ranSince(r store.Record, from, now time.Time) bool {
	limit := now
	if !r.EndedAt.IsZero() && r.EndedAt.Before(limit) {
		limit = r.EndedAt
	}
	end, ended := courseEnd(r, limit)
	return r.Course.Start.Before(limit) && (!ended || end.After(from))
}

// dayStart is the local midnight that begins the last days days up to now's.
func dayStart(now time.Time, days int, loc *time.Location) time.Time {
	y, m, d := now.In(loc).Date()
	return time.Date(y, m, d-days+1, 0, 0, 0, 0, loc)
}
