package report

import (
	"errors"
	"time"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/store"
)

// Read gives the figures of the last days days (today included) from the
// store: the courses of history that ended in them (or in the HeatDays-1
// days before, which the heat count needs), read from the end of the file,
// and the saved course, counted up to now. Warnings name what could not be
// read; those courses are left out.
func Read(s *store.Store, now time.Time, days int, loc *time.Location) (figures []Day, warnings []string, err error) {
	records, warnings, err := readRecords(s, dayStart(now, days+HeatDays-1, loc))
	if err != nil {
		return nil, warnings, err
	}
	return Days(records, now, days, loc), warnings, nil
}

// Gather is `icetimer report`'s summary of the last days days from the
// store: Read's figures, the advice given (as Given), the courses that ran
// in the days and the answers to the safety questions, all from one read
// of history. Warnings name what could not be read.
func Gather(s *store.Store, now time.Time, days int, loc *time.Location) (Summary, []string, error) {
	lookback := now.Add(-advice.Lookback)
	records, warnings, err := readRecords(s, minTime(dayStart(now, days+HeatDays-1, loc), lookback))
	if err != nil {
		return Summary{}, warnings, err
	}
	var recent []store.Record
	for _, r := range records {
		if r.EndedAt.IsZero() || !r.EndedAt.Before(lookback) {
			recent = append(recent, r)
		}
	}
	sum := Summarise(Days(records, now, days, loc), advice.For(recent, now), now)
	sum.Courses = within(records, sum.Days[0].Day, now)
	switch sum.Safety, err = s.SafetyAnswers(); {
	case errors.Is(err, store.ErrNoAnswers):
	case err != nil:
		warnings = append(warnings, err.Error())
	}
	return sum, warnings, nil
}

// readRecords is the courses of history that ended at or after since and
// the saved course, if any, with a zero EndedAt, as Days takes them.
func readRecords(s *store.Store, since time.Time) ([]store.Record, []string, error) {
	records, warnings, err := s.Recent(since)
	if err != nil {
		return nil, warnings, err
	}
	switch c, err := s.Load(); {
	case err == nil:
		records = append(records, store.Record{Course: c})
	case errors.Is(err, store.ErrNoCourse):
	default:
		warnings = append(warnings, err.Error())
	}
	return records, warnings, nil
}

// within is the records whose course ran at some time from from to now.
func within(records []store.Record, from, now time.Time) []store.Record {
	var out []store.Record
	for _, r := range records {
		limit := now
		if !r.EndedAt.IsZero() && r.EndedAt.Before(limit) {
			limit = r.EndedAt
		}
		if end, ended := courseEnd(r, limit); r.Course.Start.Before(limit) && (!ended || end.After(from)) {
			out = append(out, r)
		}
	}
	return out
}

// dayStart is the local midnight that begins the last days days up to now's.
func dayStart(now time.Time, days int, loc *time.Location) time.Time {
	y, m, d := now.In(loc).Date()
	return time.Date(y, m, d-days+1, 0, 0, 0, 0, loc)
}
