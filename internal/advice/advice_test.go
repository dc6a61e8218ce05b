package advice

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

var t0 = time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)

// iceCourse is ice 20m / rest 20m for 48 h, then heat, started at start,
// with pain scores at the given offsets from start.
func iceCourse(start time.Time, scores ...schedule.PainScore) store.Record {
	c := schedule.Course{Preset: "ice-then-heat", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{
		{Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}}, Window: 48 * time.Hour},
		{Cycle: schedule.Cycle{{Kind: schedule.Heat, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}}},
	}}}
	for _, s := range scores {
		s.At = start.Add(s.At.Sub(time.Time{}))
		c.Pain = append(c.Pain, s)
	}
	return store.Record{Course: c}
}

// p is a score d after the course's start.
func p(d time.Duration, score int) schedule.PainScore {
	return schedule.PainScore{At: time.Time{}.Add(d), Score: score}
}

func rules(given []Given) map[Rule]time.Time {
	out := map[Rule]time.Time{}
	for _, g := range given {
		out[g.Rule] = g.At
	}
	return out
}

func wantRule(t *testing.T, records []store.Record, now time.Time, r Rule, want bool) []Given {
	t.Helper()
	given := For(records, now)
	if _, got := rules(given)[r]; got != want {
		t.Fatalf("%s given = %v, want %v (all: %+v)", r, got, want, given)
	}
	return given
}

func TestMeaningfulIsTwoPointsOrThirtyPercent(t *testing.T) {
	for _, tt := range []struct {
		before, after int
		want          bool
	}{{5, 4, false}, {5, 3, true}, {10, 9, false}, {10, 8, true}, {4, 3, false}, {3, 2, true}, {1, 0, true}, {0, 0, false}, {2, 3, false}} {
		if got := Meaningful(tt.before, tt.after); got != tt.want {
			t.Errorf("Meaningful(%d, %d) = %v", tt.before, tt.after, got)
		}
	}
}

func TestStillSevereFromThreeHoursOn(t *testing.T) {
	now := t0.Add(10 * time.Hour)
	wantRule(t, []store.Record{iceCourse(t0, p(3*time.Hour-time.Second, 9))}, now, StillSevere, false)
	wantRule(t, []store.Record{iceCourse(t0, p(3*time.Hour, 7))}, now, StillSevere, false)
	g := wantRule(t, []store.Record{iceCourse(t0, p(time.Hour, 9), p(3*time.Hour, 8), p(4*time.Hour, 9))}, now, StillSevere, true)
	if at := rules(g)[StillSevere]; !at.Equal(t0.Add(3 * time.Hour)) {
		t.Fatalf("given at %v, want at the first check-in that called for it", at)
	}
}

func TestEasingAtTwoPointsOrThirtyPercent(t *testing.T) {
	now := t0.Add(10 * time.Hour)
	wantRule(t, []store.Record{iceCourse(t0, p(0, 5), p(time.Hour, 4))}, now, Easing, false)
	wantRule(t, []store.Record{iceCourse(t0, p(0, 5), p(time.Hour, 3))}, now, Easing, true)
	wantRule(t, []store.Record{iceCourse(t0, p(0, 4), p(time.Hour, 3))}, now, Easing, false)
	wantRule(t, []store.Record{iceCourse(t0, p(0, 3), p(time.Hour, 2))}, now, Easing, true)
	// Since the first score, not the highest.
	wantRule(t, []store.Record{iceCourse(t0, p(0, 5), p(time.Hour, 8), p(2*time.Hour, 6))}, now, Easing, false)
}

func TestWorseningIsThreeRisingScoresWithinADay(t *testing.T) {
	now := t0.Add(48 * time.Hour)
	wantRule(t, []store.Record{iceCourse(t0, p(0, 3), p(time.Hour, 4), p(24*time.Hour, 5))}, now, Worsening, true)
	wantRule(t, []store.Record{iceCourse(t0, p(0, 3), p(time.Hour, 4), p(24*time.Hour+time.Second, 5))}, now, Worsening, false)
	wantRule(t, []store.Record{iceCourse(t0, p(0, 3), p(time.Hour, 4), p(2*time.Hour, 4))}, now, Worsening, false)
	wantRule(t, []store.Record{iceCourse(t0, p(0, 3), p(time.Hour, 4))}, now, Worsening, false)
}

func TestOverTwoWeeksAcrossCourses(t *testing.T) {
	twoWeeks := t0.Add(TwoWeeks)
	records := func(last time.Duration, score int) []store.Record {
		var rs []store.Record
		for d := 0; d < 14; d += 3 { // a course every three days: no gap ends the episode
			r := iceCourse(t0.Add(time.Duration(d)*24*time.Hour), p(time.Hour, 4))
			r.EndedAt = r.Course.Start.Add(2 * time.Hour)
			rs = append(rs, r)
		}
		return append(rs, iceCourse(twoWeeks.Add(-time.Hour), p(time.Hour+last, score)))
	}
	now := twoWeeks.Add(time.Hour * 10)
	// The first check-in is at t0+1h.
	wantRule(t, records(time.Hour, 2), now, OverTwoWeeks, false)
	wantRule(t, records(time.Hour+time.Second, 2), now, OverTwoWeeks, true)
	wantRule(t, records(2*time.Hour, 0), now, OverTwoWeeks, false)
	// A gap of over a week starts a new episode.
	gap := []store.Record{iceCourse(t0, p(0, 5)), iceCourse(twoWeeks, p(time.Hour, 5))}
	gap[0].EndedAt = t0.Add(time.Hour)
	wantRule(t, gap, now, OverTwoWeeks, false)
}

// iceRounds is a course with a score before and after each of n ice
// applications (ice at 0, 40m, 80m...): before[i] at the pack going on,
// after[i] as it comes off.
func iceRounds(before, after []int) store.Record {
	var scores []schedule.PainScore
	for i := range before {
		on := time.Duration(i) * 40 * time.Minute
		scores = append(scores, p(on, before[i]), p(on+21*time.Minute, after[i]))
	}
	return iceCourse(t0, scores...)
}

func TestColdNotHelpingAfterThreeIceApplications(t *testing.T) {
	now := t0.Add(6 * time.Hour)
	// No drop of 2 points or 30 % in three applications: the advice.
	g := wantRule(t, []store.Record{iceRounds([]int{6, 6, 6}, []int{5, 6, 5})}, now, ColdNotHelping, true)
	if at := rules(g)[ColdNotHelping]; !at.Equal(t0.Add(101 * time.Minute)) {
		t.Fatalf("given at %v, want at the third after-score", at.Sub(t0))
	}
	// Two measured applications are not enough.
	wantRule(t, []store.Record{iceRounds([]int{6, 6}, []int{5, 6})}, now, ColdNotHelping, false)
	// One meaningful drop among the last three: no advice.
	wantRule(t, []store.Record{iceRounds([]int{6, 6, 6}, []int{5, 4, 5})}, now, ColdNotHelping, false)
	wantRule(t, []store.Record{iceRounds([]int{3, 3, 3}, []int{3, 2, 3})}, now, ColdNotHelping, false)
	// Scores with no application between them measure nothing.
	wantRule(t, []store.Record{iceCourse(t0, p(25*time.Minute, 6), p(30*time.Minute, 6), p(35*time.Minute, 6), p(36*time.Minute, 6))}, now, ColdNotHelping, false)
	// No pain before: nothing for cold to ease.
	wantRule(t, []store.Record{iceRounds([]int{0, 0, 0}, []int{0, 0, 0})}, now, ColdNotHelping, false)
}

func TestEachRuleOnceAndNoScoresNoAdvice(t *testing.T) {
	if g := For([]store.Record{iceCourse(t0)}, t0.Add(time.Hour)); len(g) != 0 {
		t.Fatalf("advice with no check-ins: %+v", g)
	}
	g := For([]store.Record{iceCourse(t0, p(0, 9), p(3*time.Hour, 9), p(4*time.Hour, 9), p(5*time.Hour, 6))}, t0.Add(6*time.Hour))
	if len(g) != 2 || g[0].Rule != StillSevere || g[1].Rule != Easing {
		t.Fatalf("advice %+v", g)
	}
	if n := NewAt(g, t0.Add(4*time.Hour)); len(n) != 0 {
		t.Fatalf("the 9 at +4h repeats %+v", n)
	}
	if n := NewAt(g, t0.Add(5*time.Hour)); len(n) != 1 || n[0].Rule != Easing {
		t.Fatalf("new at +5h: %+v", n)
	}
	// A score after now does not count yet.
	if g := For([]store.Record{iceCourse(t0, p(0, 9), p(4*time.Hour, 9))}, t0.Add(time.Hour)); len(g) != 0 {
		t.Fatalf("advice from the future: %+v", g)
	}
}

// Two numb answers in one course call for section 9's advice once, at the
// second; one in each of two courses does not; given with the scores'
// advice, the advice stays in the order it came.
func TestNumbTwiceInACourse(t *testing.T) {
	numb := func(r store.Record, ds ...time.Duration) store.Record {
		for _, d := range ds {
			r.Course.Events = append(r.Course.Events, schedule.Event{Type: schedule.Numb, At: r.Course.Start.Add(d)})
		}
		return r
	}
	once := numb(iceCourse(t0), 9*time.Minute)
	wantRule(t, []store.Record{once}, t0.Add(time.Hour), NumbTwice, false)
	other := numb(iceCourse(t0.Add(2*time.Hour)), 9*time.Minute)
	wantRule(t, []store.Record{once, other}, t0.Add(3*time.Hour), NumbTwice, false)

	twice := numb(iceCourse(t0, p(30*time.Minute, 6), p(time.Hour, 3)), 9*time.Minute, 49*time.Minute)
	wantRule(t, []store.Record{twice}, t0.Add(48*time.Minute), NumbTwice, false)
	given := wantRule(t, []store.Record{twice}, t0.Add(2*time.Hour), NumbTwice, true)
	if at := rules(given)[NumbTwice]; !at.Equal(t0.Add(49 * time.Minute)) {
		t.Fatalf("numb-twice given at %v, want the second numb at 08:49", at)
	}
	if len(given) != 2 || given[0].Rule != NumbTwice || given[1].Rule != Easing {
		t.Fatalf("given %+v, want numb-twice (08:49) then easing (09:00)", given)
	}
	thrice := numb(twice, 89*time.Minute)
	if n := len(NewAt(For([]store.Record{thrice}, t0.Add(2*time.Hour)), t0.Add(89*time.Minute))); n != 0 {
		t.Fatalf("a third numb gave the advice again (%d)", n)
	}
}
