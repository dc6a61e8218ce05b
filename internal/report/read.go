package report

import (
	"errors"
	"time"

	"github.com/icetimer/icetimer/internal/store"
)

// Read gives the figures of the last days days (today included) from the
// store: the courses of history that ended in them, read from the end of
// the file, and the saved course, counted up to now. Warnings name what
// could not be read; those courses are left out.
func Read(s *store.Store, now time.Time, days int, loc *time.Location) (figures []Day, warnings []string, err error) {
	y, m, d := now.In(loc).Date()
	records, warnings, err := s.Recent(time.Date(y, m, d-days+1, 0, 0, 0, 0, loc))
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
	return Days(records, now, days, loc), warnings, nil
}
