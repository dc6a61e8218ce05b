package schedule

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// withoutSkipping runs fn with the walker stepping through every phase.
func withoutSkipping(fn func()) {
	skipping = false
	defer func() { skipping = true }()
	fn()
}

// Skipping whole cycles changes no answer: state, segments, transitions and
// what comes next are the same as when the walker steps through each phase.
func TestPropertySkippingCyclesChangesNoAnswer(t *testing.T) {
	forRandomCourses(t, 300, func(t *testing.T, r *rand.Rand, c Course) {
		for range 5 {
			now := randomInstant(r, c, propertySpan)
			a := randomInstant(r, c, propertySpan)
			b := a.Add(time.Duration(r.IntN(30)) * time.Hour)
			gotState, gotSegs, gotTrans, gotNext := c.StateAt(now), c.Segments(a, b), c.Transitions(a, b), c.Upcoming(now, 3)
			var wantState State
			var wantSegs []Segment
			var wantTrans, wantNext []Transition
			withoutSkipping(func() {
				wantState, wantSegs, wantTrans, wantNext = c.StateAt(now), c.Segments(a, b), c.Transitions(a, b), c.Upcoming(now, 3)
			})
			if !reflect.DeepEqual(gotState, wantState) {
				t.Fatalf("StateAt(+%v):\n got %+v\nwant %+v", now.Sub(c.Start), gotState, wantState)
			}
			if !reflect.DeepEqual(gotSegs, wantSegs) || !reflect.DeepEqual(gotTrans, wantTrans) || !reflect.DeepEqual(gotNext, wantNext) {
				t.Fatalf("Segments, Transitions or Upcoming from +%v to +%v differ when skipping", a.Sub(c.Start), b.Sub(c.Start))
			}
		}
	})
}

// oneSecondCourse is a one-second cycle running until stopped, started at
// start, with nightly quiet hours when quiet is set.
func oneSecondCourse(start time.Time, quiet bool) Course {
	c := Course{Preset: "custom", Start: start,
		Protocol: Protocol{Stages: []Stage{{Cycle: Cycle{{Ice, time.Second}, {Rest, time.Second}}}}}}
	if quiet {
		c.Quiet = QuietHours{Enabled: true, Start: 23 * time.Hour, End: 7 * time.Hour, Location: time.UTC}
	}
	return c
}

// The engine's work grows with events, nights and stages, not phases: the
// oldest course Check accepts, with one-second phases, answers at once even
// decades later (it once walked every phase: years of them). The bound is
// generous, for a loaded machine; the benchmark below gives the figure.
func TestOneSecondCycleDecadesOldAnswersFast(t *testing.T) {
	for _, quiet := range []bool{false, true} {
		c := oneSecondCourse(EarliestStart, quiet)
		c.Protocol.Stages = append([]Stage{{Cycle: c.Protocol.Stages[0].Cycle, Window: MaxWindow}}, c.Protocol.Stages...)
		if err := c.Check(); err != nil {
			t.Fatal(err)
		}
		now := EarliestStart.Add(MaxCourseSpan)
		began := time.Now()
		s := c.StateAt(now)
		if took := time.Since(began); took > 2*time.Second {
			t.Errorf("quiet %v: StateAt 20 years after the start took %v", quiet, took)
		}
		if s.Current.Stage != 1 {
			t.Errorf("quiet %v: 20 years in, stage %d, want the second", quiet, s.Current.Stage+1)
		}
	}
}

func BenchmarkStateAtOneSecondCycleTwentyYearsIn(b *testing.B) {
	c := oneSecondCourse(EarliestStart, true)
	now := EarliestStart.Add(MaxCourseSpan)
	for b.Loop() {
		_ = c.StateAt(now)
	}
}
