package ui

import (
	"time"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/store"
)

// WithStoreHistory is WithHistory with the history read from st: a
// read-only screen counts today's applications as the driving one does,
// the courses that ended today included.
func WithStoreHistory(st *store.Store, now time.Time) Option {
	return WithHistory(historyOf(st, now), now)
}

// historyOf is st's history back to advice.Lookback before now: today's
// count includes the courses that ended today, and a check-in's advice
// reads the weeks before (each piece of it is said once). A history that
// cannot be read only makes them less.
func historyOf(st *store.Store, now time.Time) []store.Record {
	recent, _, err := st.Recent(now.Add(-advice.Lookback))
	if err != nil {
		return nil
	}
	return recent
}
