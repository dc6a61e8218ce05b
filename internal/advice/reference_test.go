package advice

// The rules as they were written before they were made linear (every
// check-in against every application): the reference the linear ones must
// agree with, on histories made at random.

import (
	"slices"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// score is a check-in with the start of its course.
type refScore struct {
	schedule.PainScore
	course schedule.Course
}

// For is the advice the check-ins of records call for, each rule once, in
// the order they came: records are history's courses and the saved one
// (zero EndedAt, counted up to now), as package report reads them. Only
// the latest episode counts (see EpisodeGap).
func refFor(records []store.Record, now time.Time) []Given {
	scores := refEpisode(records, now)
	ice := refMeasured(refIceApplications(records, now), scores)
	var out []Given
	for k := range scores {
		for _, r := range Rules {
			if !slices.ContainsFunc(out, func(g Given) bool { return g.Rule == r }) && refHolds(r, scores[:k+1], ice) {
				out = append(out, Given{Rule: r, At: scores[k].At, CourseStart: scores[k].course.Start})
			}
		}
	}
	return out
}

// episode is the check-ins up to now, by instant, from the last gap of
// more than EpisodeGap on.
func refEpisode(records []store.Record, now time.Time) []refScore {
	var all []refScore
	for _, r := range records {
		for _, p := range r.Course.Pain {
			if !p.At.After(now) {
				all = append(all, refScore{PainScore: p, course: r.Course})
			}
		}
	}
	slices.SortStableFunc(all, func(a, b refScore) int { return a.At.Compare(b.At) })
	first := 0
	for i := 1; i < len(all); i++ {
		if all[i].At.Sub(all[i-1].At) > EpisodeGap {
			first = i
		}
	}
	return all[first:]
}

// holds says whether rule r holds at the last of scores, the check-ins up
// to it; ice is the measured ice applications.
func refHolds(r Rule, scores []refScore, ice []refApplication) bool {
	last := scores[len(scores)-1]
	switch r {
	case StillSevere:
		return last.Score >= Severe && last.At.Sub(last.course.Start) >= SevereAfter
	case ColdNotHelping:
		return refColdNotHelping(ice, last.At)
	case Easing:
		return Meaningful(scores[0].Score, last.Score)
	case Worsening:
		n := len(scores)
		return n >= 3 && scores[n-3].Score < scores[n-2].Score && scores[n-2].Score < last.Score &&
			last.At.Sub(scores[n-3].At) <= Rising
	case OverTwoWeeks:
		return last.Score > 0 && last.At.Sub(scores[0].At) > TwoWeeks
	}
	return false
}

// application is one ice or heat application, with the scores given
// around it when there are both (measured).
type refApplication struct {
	kind          schedule.Kind
	start, end    time.Time
	before, after *refScore
}

// iceApplications is every ice and heat phase of records that is over by
// now (or by its course's end), in order: the applications a check-in can
// follow.
func refIceApplications(records []store.Record, now time.Time) []refApplication {
	var out []refApplication
	for _, r := range records {
		limit := now
		if !r.EndedAt.IsZero() && r.EndedAt.Before(now) {
			limit = r.EndedAt
		}
		for _, s := range r.Course.Segments(r.Course.Start, limit) {
			if s.Kind.IsOn() && !s.End.After(limit) {
				out = append(out, refApplication{kind: s.Kind, start: s.Start, end: s.End})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b refApplication) int { return a.start.Compare(b.start) })
	return out
}

// measured is the ice applications that have a score before (the latest
// since the application before it ended, up to a few minutes into it) and
// one after (the first from its end to a few minutes into the next one),
// the "before" above 0: cold cannot ease pain there is not.
func refMeasured(apps []refApplication, scores []refScore) []refApplication {
	var out []refApplication
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
func refColdNotHelping(ice []refApplication, at time.Time) bool {
	var known []refApplication
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
