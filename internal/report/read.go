package report

import (
	"errors"
	"time"

	"github.com/icetimer/icetimer/internal/store"
)

// Read gives the figures of the last days days (today included) from the
// store: the courses of history that ended in them, read from the end of
// the file one at a time and counted as they come, and the saved course,
// counted up to now. Warnings name what could not be read; those courses
// are left out.
func Read(s *store.Store, now time.Time, days int, loc *time.Location) (figures []Day, warnings []string, err error) {
	count := newCounter(now, days, loc, true)
	warnings, err = s.Walk(func(r store.Record, _ int) bool {
		if r.EndedAt.Before(count.from()) {
			return false
		}
		count.add(r)
		return true
	})
	if err != nil {
		return nil, warnings, err
	}
	switch c, err := s.Load(); {
	case err == nil:
		count.add(store.Record{Course: c})
	case errors.Is(err, store.ErrNoCourse):
	default:
		warnings = append(warnings, err.Error())
	}
	return count.days(), warnings, nil
}
