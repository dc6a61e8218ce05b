package report

import (
	"slices"
	"time"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/schedule"
)

// addCheckIns adds course c's pain check-ins, removals, numb answers and
// put-ons never confirmed, up to limit, to the days that hold them (dayOf
// gives -1 outside the span).
func addCheckIns(out []Day, dayOf func(time.Time) int, c schedule.Course, from, limit time.Time) {
	for _, p := range c.Pain {
		if i := dayOf(p.At); i >= 0 && !p.At.After(limit) {
			out[i].Pain = append(out[i].Pain, p)
			slices.SortStableFunc(out[i].Pain, func(a, b schedule.PainScore) int { return a.At.Compare(b.At) })
		}
	}
	for _, r := range remind.Removals(c, from, limit) {
		if i := dayOf(r.At); i >= 0 {
			out[i].Removals++
			if r.Answered.IsZero() {
				out[i].Unanswered++
			}
			if r.Late() {
				out[i].Late = append(out[i].Late, r)
			}
		}
	}
	for _, at := range c.NumbAt() {
		if i := dayOf(at); i >= 0 && !at.After(limit) {
			out[i].Numb = append(out[i].Numb, at)
			slices.SortStableFunc(out[i].Numb, time.Time.Compare)
		}
	}
	// A put-on still waiting at limit may yet be answered: not counted.
	waiting, waits := c.Waiting(limit)
	for _, p := range remind.PutOns(c, from, limit) {
		if i := dayOf(p.At); i >= 0 && p.Confirmed.IsZero() && !(waits && waiting.At.Equal(p.At)) {
			out[i].Unconfirmed = append(out[i].Unconfirmed, PutOn{At: p.At, Kind: p.Kind})
			slices.SortStableFunc(out[i].Unconfirmed, func(a, b PutOn) int { return a.At.Compare(b.At) })
		}
	}
}

// Trend is how pain went over a run of check-ins: by a meaningful change
// (2 points or 30 % of the first score, up or down) from the first to the
// last, or not.
type Trend string

// The trends.
const (
	NoTrend Trend = ""       // fewer than two check-ins
	Easing  Trend = "easing" // a meaningful fall
	Worse   Trend = "worse"  // a meaningful rise
	Steady  Trend = "steady" // neither
)

// TrendOf is the trend of scores, in order.
func TrendOf(scores []schedule.PainScore) Trend {
	if len(scores) < 2 {
		return NoTrend
	}
	first, last := scores[0].Score, scores[len(scores)-1].Score
	switch {
	case advice.Meaningful(first, last):
		return Easing
	case last-first >= 2 || (first > 0 && 10*(last-first) >= 3*first):
		return Worse
	}
	return Steady
}
