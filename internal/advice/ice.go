package advice

import (
	"slices"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
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

// iceApplications is every ice and heat phase of records that is over by
// now (or by its course's end), in order: the applications a check-in can
// follow.
func iceApplications(records []store.Record, now time.Time) []application {
	var out []application
	for _, r := range records {
		limit := now
		if !r.EndedAt.IsZero() && r.EndedAt.Before(now) {
			limit = r.EndedAt
		}
		for _, s := range r.Course.Segments(r.Course.Start, limit) {
			if s.Kind.IsOn() && !s.End.After(limit) {
				out = append(out, application{kind: s.Kind, start: s.Start, end: s.End})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b application) int { return a.start.Compare(b.start) })
	return out
}

// measured is the ice applications that have a score before (the latest
// since the application before it ended, up to a few minutes into it) and
// one after (the first from its end to a few minutes into the next one),
// the "before" above 0: cold cannot ease pain there is not.
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
		for j := range scores {
			s := &scores[j]
			if s.At.After(from) && !s.At.After(a.start.Add(onSlack)) {
				a.before = s
			}
			if a.after == nil && !s.At.Before(a.end) && s.At.Before(until) {
				a.after = s
			}
		}
		if a.before != nil && a.after != nil && a.before.Score > 0 {
			out = append(out, a)
		}
	}
	return out
}

// coldNotHelping says whether, by instant at, the last ColdTries measured
// ice applications (their after-scores given by at) each brought no
// meaningful fall.
func coldNotHelping(ice []application, at time.Time) bool {
	var known []application
	for _, a := range ice {
		if !a.after.At.After(at) {
			known = append(known, a)
		}
	}
	if len(known) < ColdTries {
		return false
	}
	for _, a := range known[len(known)-ColdTries:] {
		if Meaningful(a.before.Score, a.after.Score) {
			return false
		}
	}
	return true
}
