package advice

import (
	"cmp"
	"slices"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// History is what the rules read of courses: their check-ins and their
// ice and heat applications, not the courses themselves, so that weeks of
// history take little memory. Courses are added one at a time, in any
// order (history is read from its end), and the advice is worked out in
// time linear in the check-ins and applications (and a sort).
type History struct {
	scores []score
	apps   []application
	// numb is, for each course with two numb answers (a skin check), the
	// NumbTwice advice at its second.
	numb []Given
}

// score is a check-in with the start of its course, and its place among
// the course's check-ins: two at the same instant keep their order.
type score struct {
	schedule.PainScore
	courseStart time.Time
	seq         int
}

// Add adds the check-ins of r and its ice and heat applications that are
// over by now (or by its end).
func (h *History) Add(r store.Record, now time.Time) {
	for i, p := range r.Course.Pain {
		h.scores = append(h.scores, score{PainScore: p, courseStart: r.Course.Start, seq: i})
	}
	limit := now
	if !r.EndedAt.IsZero() && r.EndedAt.Before(now) {
		limit = r.EndedAt
	}
	if numb := r.Course.NumbAt(); len(numb) >= 2 && !numb[1].After(now) {
		h.numb = append(h.numb, Given{Rule: NumbTwice, At: numb[1], CourseStart: r.Course.Start})
	}
	for _, s := range r.Course.Segments(r.Course.Start, limit) {
		if s.Kind.IsOn() && !s.End.After(limit) {
			h.apps = append(h.apps, application{kind: s.Kind, start: s.Start, end: s.End})
		}
	}
}

// With is the advice at now of the courses added and r, which is not kept:
// the running course, whose check-ins are still coming.
func (h History) With(r store.Record, now time.Time) []Given {
	h.scores, h.apps, h.numb = slices.Clip(h.scores), slices.Clip(h.apps), slices.Clip(h.numb) // Add copies
	h.Add(r, now)
	return h.Given(now)
}

// Given is the advice the check-ins added call for at now, each rule once,
// in the order they came. Only the latest episode counts (see EpisodeGap).
func (h History) Given(now time.Time) []Given {
	scores := episode(h.scores, now)
	apps := slices.Clone(h.apps)
	slices.SortStableFunc(apps, func(a, b application) int { return a.start.Compare(b.start) })
	cold := newColdTries(measured(apps, scores))
	var out []Given
	for k := range scores {
		for _, r := range Rules {
			if !slices.ContainsFunc(out, func(g Given) bool { return g.Rule == r }) && holds(r, scores[:k+1], cold) {
				out = append(out, Given{Rule: r, At: scores[k].At, CourseStart: scores[k].courseStart})
			}
		}
	}
	// Numb twice in a course: said once, at the first course's second.
	if len(h.numb) > 0 {
		first := slices.MinFunc(h.numb, func(a, b Given) int { return a.At.Compare(b.At) })
		out = append(out, first)
		slices.SortStableFunc(out, func(a, b Given) int { return a.At.Compare(b.At) })
	}
	return out
}

// episode is the check-ins up to now, by instant, from the last gap of
// more than EpisodeGap on.
func episode(all []score, now time.Time) []score {
	var upToNow []score
	for _, s := range all {
		if !s.At.After(now) {
			upToNow = append(upToNow, s)
		}
	}
	slices.SortFunc(upToNow, func(a, b score) int {
		return cmp.Or(a.At.Compare(b.At), a.courseStart.Compare(b.courseStart), cmp.Compare(a.seq, b.seq))
	})
	first := 0
	for i := 1; i < len(upToNow); i++ {
		if upToNow[i].At.Sub(upToNow[i-1].At) > EpisodeGap {
			first = i
		}
	}
	return upToNow[first:]
}
