// Package advice is the rule table of PROTOCOLS.md section 8: which of the
// articles' pieces of advice a person's pain check-ins call for, and at
// which check-in each first did. It is pure: the same courses always give
// the same advice, so the screen, `status --json` and the report agree,
// and "once" needs no stored flag. The words a person reads are in package
// words; nothing here diagnoses.
package advice

import (
	"time"

	"github.com/icetimer/icetimer/internal/store"
)

// Rule names one piece of advice. The names are stable: `status --json`
// and `report --format json` carry them.
type Rule string

// The rules, in the order of section 8's table.
const (
	// StillSevere: pain 8 or more at least SevereAfter after the course
	// began (article 000).
	StillSevere Rule = "still-severe"
	// ColdNotHelping: the last ColdTries ice applications with a score
	// before and after each brought no meaningful drop (article 003); the
	// person may move to the next stage.
	ColdNotHelping Rule = "cold-not-helping"
	// Easing: a meaningful fall since the episode's first score (000).
	Easing Rule = "easing"
	// Worsening: three scores in a row, each higher, within Rising (004).
	Worsening Rule = "worsening"
	// OverTwoWeeks: pain still above 0 more than TwoWeeks after the
	// episode's first score (003).
	OverTwoWeeks Rule = "over-two-weeks"
	// NumbTwice: the skin went numb twice in one course (two Numb events,
	// PROTOCOLS.md section 9): shorter ice and a check of the towel. It
	// reads the skin checks, not the scores.
	NumbTwice Rule = "numb-twice"
)

// Rules is every rule, in the order of the tables (section 8's, then
// section 9's).
var Rules = []Rule{StillSevere, ColdNotHelping, Easing, Worsening, OverTwoWeeks, NumbTwice}

// The numbers of section 8.
const (
	Severe      = 8
	SevereAfter = 3 * time.Hour
	ColdTries   = 3
	Rising      = 24 * time.Hour
	TwoWeeks    = 14 * 24 * time.Hour
	// Lookback is how far back the check-ins advice reads go: enough for
	// the two-week rule with weekly gaps to spare.
	Lookback = 60 * 24 * time.Hour
	// EpisodeGap is our reading: a week with no check-in ends an episode of
	// pain, so a new one months later starts afresh rather than counting
	// as "over two weeks".
	EpisodeGap = 7 * 24 * time.Hour
	// onSlack is our reading: a score given in the first minutes of an
	// application (the pack just went on) still counts as its "before".
	onSlack = 5 * time.Minute
)

// Meaningful reports whether a change from before to after is a meaningful
// fall: 2 points or 30 % (Ostelo et al. 2008).
func Meaningful(before, after int) bool {
	drop := before - after
	return drop >= 2 || (before > 0 && drop > 0 && 10*drop >= 3*before)
}

// Given is one piece of advice and the check-in that first called for it.
type Given struct {
	Rule Rule
	// At is the instant of that check-in.
	At time.Time
	// CourseStart is the start of the course that check-in belongs to.
	CourseStart time.Time
}

// For is the advice the check-ins of records call for, each rule once, in
// the order they came: records are history's courses and the saved one
// (zero EndedAt, counted up to now), as package report reads them. Only
// the latest episode counts (see EpisodeGap).
func For(records []store.Record, now time.Time) []Given {
	var h History
	for _, r := range records {
		h.Add(r, now)
	}
	return h.Given(now)
}

// NewAt is the advice of For that a check-in at instant at called for
// first: what to show once, when that check-in is given.
func NewAt(given []Given, at time.Time) []Given {
	var out []Given
	for _, g := range given {
		if g.At.Equal(at) {
			out = append(out, g)
		}
	}
	return out
}

// holds says whether rule r holds at the last of scores, the check-ins up
// to it; cold follows the measured ice applications up to it.
func holds(r Rule, scores []score, cold *coldTries) bool {
	last := scores[len(scores)-1]
	switch r {
	case StillSevere:
		return last.Score >= Severe && last.At.Sub(last.courseStart) >= SevereAfter
	case ColdNotHelping:
		return cold.notHelping(last.At)
	case Easing:
		return Meaningful(scores[0].Score, last.Score)
	case Worsening:
		n := len(scores)
		return n >= 3 && scores[n-3].Score < scores[n-2].Score && scores[n-2].Score < last.Score &&
			last.At.Sub(scores[n-3].At) <= Rising
	case OverTwoWeeks:
		return last.Score > 0 && last.At.Sub(scores[0].At) > TwoWeeks
	}
	return false // NumbTwice reads the skin checks (numbTwice)
}
