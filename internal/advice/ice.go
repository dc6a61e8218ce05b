package advice

import (
	"slices"
	"sort"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// lookAround is how far from an application a check-in may be and still
// count as given before or after it, when no other application is nearer:
// our reading, the longest rest of the catalogue (ice-every-3h).
const lookAround = 3 * time.Hour

// application is one ice or heat application, with the scores given
// around it when there are both (measured).
type application struct {
	kind          schedule.Kind
	start, end    time.Time
	before, after *score
}

// measured is the ice applications (apps, by start) that have a score
// before (the latest since the application before it ended, up to a few
// minutes into it) and one after (the first from its end to a few minutes
// into the next one), the "before" above 0: cold cannot ease pain there is
// not. scores are by instant: each is found by a binary search.
func measured(apps []application, scores []score) []application {
	var out []application
	for i, a := range apps {
		if a.kind != schedule.Ice {
			continue
		}
		// from and until are exclusive; a score long before the first
		// application is not its "before".
		from, until := a.start.Add(-lookAround), a.end.Add(lookAround)
		if i > 0 && apps[i-1].end.After(from) {
			from = apps[i-1].end
		}
		if i+1 < len(apps) && apps[i+1].start.Add(onSlack).Before(until) {
			until = apps[i+1].start.Add(onSlack)
		}
		// The last score up to a few minutes in, and the first from the end.
		if j := firstAfter(scores, a.start.Add(onSlack)); j > 0 && scores[j-1].At.After(from) {
			a.before = &scores[j-1]
		}
		if j := firstFrom(scores, a.end); j < len(scores) && scores[j].At.Before(until) {
			a.after = &scores[j]
		}
		if a.before != nil && a.after != nil && a.before.Score > 0 {
			out = append(out, a)
		}
	}
	return out
}

// firstAfter is the index of the first score after t; firstFrom of the
// first at or after t (len(scores) when none is).
func firstAfter(scores []score, t time.Time) int {
	return sort.Search(len(scores), func(i int) bool { return scores[i].At.After(t) })
}

func firstFrom(scores []score, t time.Time) int {
	return sort.Search(len(scores), func(i int) bool { return !scores[i].At.Before(t) })
}

// coldTries follows, check-in by check-in, the measured ice applications
// whose after-score has been given: the last ColdTries of them decide.
type coldTries struct {
	ice []application
	// byAfter is ice's indices by the instant of their after-score; next
	// is the first of them not known yet.
	byAfter []int
	next    int
	// known is the indices of the known ones, in ice's order.
	known []int
}

func newColdTries(ice []application) *coldTries {
	c := &coldTries{ice: ice, byAfter: make([]int, len(ice))}
	for i := range ice {
		c.byAfter[i] = i
	}
	slices.SortStableFunc(c.byAfter, func(a, b int) int { return ice[a].after.At.Compare(ice[b].after.At) })
	return c
}

// notHelping says whether, by instant at (never earlier than the last
// call's), the last ColdTries measured ice applications whose after-score
// was given by then each brought no meaningful fall.
func (c *coldTries) notHelping(at time.Time) bool {
	for ; c.next < len(c.byAfter) && !c.ice[c.byAfter[c.next]].after.At.After(at); c.next++ {
		i := c.byAfter[c.next]
		pos, _ := slices.BinarySearch(c.known, i)
		c.known = slices.Insert(c.known, pos, i) // at the end but for overlapping applications
	}
	if len(c.known) < ColdTries {
		return false
	}
	for _, i := range c.known[len(c.known)-ColdTries:] {
		if Meaningful(c.ice[i].before.Score, c.ice[i].after.Score) {
			return false
		}
	}
	return true
}
