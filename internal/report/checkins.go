package report

import (
	"time"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/schedule"
)

// addCheckIns adds course co's pain check-ins, removals, numb answers and
// put-ons never confirmed, up to limit, to the days that hold them; days
// sorts them.
func (c *counter) addCheckIns(co schedule.Course, limit time.Time) {
	for _, p := range co.Pain {
		if i := c.dayOf(p.At); i >= 0 && !p.At.After(limit) {
			c.out[i].Pain = append(c.out[i].Pain, p)
		}
	}
	for _, r := range remind.Removals(co, c.from(), limit) {
		if i := c.dayOf(r.At); i >= 0 {
			c.out[i].Removals++
			if r.Answered.IsZero() {
				c.out[i].Unanswered++
			}
			if r.Late() {
				c.out[i].Late = append(c.out[i].Late, r)
			}
		}
	}
	for _, at := range co.NumbAt() {
		if i := c.dayOf(at); i >= 0 && !at.After(limit) {
			c.out[i].Numb = append(c.out[i].Numb, at)
		}
	}
	// A put-on still waiting at limit may yet be answered: not counted.
	waiting, waits := co.Waiting(limit)
	for _, p := range remind.PutOns(co, c.from(), limit) {
		if i := c.dayOf(p.At); i >= 0 && p.Confirmed.IsZero() && !(waits && waiting.At.Equal(p.At)) {
			c.out[i].Unconfirmed = append(c.out[i].Unconfirmed, PutOn{At: p.At, Kind: p.Kind})
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
