package document

import (
	"time"

	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/words"
)

// Report is what `report --format json` prints: the days of `history
// --json`, every check-in with the trend, and the advice given.
type Report struct {
	From string       `json:"from"`
	To   string       `json:"to"`
	Days []HistoryDay `json:"days"`
	Pain []PainPoint  `json:"pain"`
	// Trend is "easing", "worse" or "steady" from the first check-in to the
	// last (2 points or 30 %), or "" with fewer than two.
	Trend    report.Trend `json:"trend"`
	Advice   []AdviceItem `json:"advice"`
	RedFlags string       `json:"red_flags"`
}

// ReportOf is summary s, instants in its Now's location.
func ReportOf(s report.Summary) Report {
	loc := s.Now.Location()
	out := Report{To: *instant(s.Now, loc), Days: HistoryOf(s.Days).Days, Pain: PainOf(s.Pain, loc),
		Trend: s.Trend, Advice: AdviceOf(s.Advice, loc), RedFlags: words.RedFlags}
	if len(s.Days) > 0 {
		out.From = s.Days[0].Day.Format(time.DateOnly)
	}
	return out
}
