package document

import (
	"time"

	"github.com/icetimer/icetimer/internal/report"
)

// History is what `history --json` prints: one entry per local day, oldest
// first.
type History struct {
	Days []HistoryDay `json:"days"`
}

// HistoryDay is one day's applications and courses.
type HistoryDay struct {
	Date        string `json:"date"`
	IceCount    int    `json:"ice_count"`
	IceSeconds  int64  `json:"ice_seconds"`
	HeatCount   int    `json:"heat_count"`
	HeatSeconds int64  `json:"heat_seconds"`
	Started     int    `json:"started"`
	Finished    int    `json:"finished"`
}

// HistoryOf is the figures of report.Days.
func HistoryOf(figures []report.Day) History {
	out := History{Days: []HistoryDay{}}
	for _, f := range figures {
		out.Days = append(out.Days, HistoryDay{
			Date:     f.Day.Format(time.DateOnly),
			IceCount: f.Ice.Count, IceSeconds: *seconds(f.Ice.Time),
			HeatCount: f.Heat.Count, HeatSeconds: *seconds(f.Heat.Time),
			Started: f.Started, Finished: f.Finished,
		})
	}
	return out
}
