package ui

import (
	"time"

	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/store"
)

// WithStoreHistory is WithHistory with what it needs read from st at now
// (report.ReadEarlier): a read-only screen counts today's applications as
// the driving one does, the courses that ended today included.
func WithStoreHistory(st *store.Store, now time.Time) Option {
	return WithHistory(report.ReadEarlier(st, now))
}
