package schedule

import (
	"math/rand/v2"
	"testing"
	"time"
)

// iceThenHeat is ice 20/20 for 48 h, then heat 20/20 until stopped.
func iceThenHeat(t *testing.T) Course {
	t.Helper()
	c := courseOf(t, "ice 20m, rest 20m", 48*time.Hour)
	heat, err := ParseCycle("rest 5m, heat 20m, rest 20m")
	if err != nil {
		t.Fatal(err)
	}
	c.Protocol.Stages = append(c.Protocol.Stages, Stage{Cycle: heat})
	return c
}

func TestNextStageStartsTheNextStagesFirstApplicationNow(t *testing.T) {
	c := withEvents(iceThenHeat(t), ev(NextStage, 30*m)) // in the first rest
	s := wantState(t, c, at(30*m), Heat, 20*m)
	if s.Current.Stage != 1 || s.Current.Index != 1 || s.Current.Cause != CauseNextStage || !s.StageEnds.IsZero() {
		t.Fatalf("state %+v", s)
	}
	// The heat stage's cycle goes on from there: rest, then rest 5m, heat.
	wantState(t, c, at(50*m), Rest, 20*m)
	wantState(t, c, at(70*m), Rest, 5*m)
	wantState(t, c, at(75*m), Heat, 20*m)
}

func TestNextStageWindowCountsFromTheMove(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 2*time.Hour)
	third := courseOf(t, "heat 20m, rest 40m", 0).Protocol.Stages[0]
	c.Protocol.Stages = append(c.Protocol.Stages, Stage{Cycle: Cycle{{Heat, 10 * m}, {Rest, 10 * m}}, Window: time.Hour}, third)
	c = withEvents(c, ev(NextStage, 10*m))
	s := c.StateAt(at(10 * m))
	if s.Current.Stage != 1 || !s.StageEnds.Equal(at(70*m)) {
		t.Fatalf("stage %d ends %v, want stage 1 ending at +70m", s.Current.Stage, s.StageEnds.Sub(t0))
	}
	if s := c.StateAt(at(70 * m)); s.Current.Stage != 2 || s.Current.Kind != Heat {
		t.Fatalf("at +70m: %+v", s.Current)
	}
}

func TestNextStageInTheLastStageOrOnceDoneChangesNothing(t *testing.T) {
	for _, c := range []Course{
		courseOf(t, "ice 20m, rest 20m", 0),
		withEvents(iceThenHeat(t), ev(NextStage, 10*m)),
		withEvents(courseOf(t, "ice 20m, rest 20m", 0), ev(Stop, 5*m)),
	} {
		before := c.Segments(c.Start, at(6*time.Hour))
		after := withEvents(c, ev(NextStage, 15*m)).Segments(c.Start, at(6*time.Hour))
		if len(before) != len(after) {
			t.Fatalf("%d segments became %d", len(before), len(after))
		}
		for i := range before {
			if before[i] != after[i] {
				t.Fatalf("segment %d: %+v became %+v", i, before[i], after[i])
			}
		}
	}
}

func TestNextStageAtNightEndsTheNightLikeASkip(t *testing.T) {
	c := iceThenHeat(t)
	c.Quiet = quiet(t, "09:00-12:00", time.UTC) // t0 is 08:00
	c = withEvents(c, ev(NextStage, 90*m))
	s := wantState(t, c, at(90*m), Heat, 20*m)
	if s.Current.Stage != 1 {
		t.Fatalf("stage %d", s.Current.Stage)
	}
	// The next night is tomorrow's, not the one just ended.
	if s := c.StateAt(at(3 * time.Hour)); s.Current.Kind == Quiet {
		t.Fatalf("quiet again at 11:00: %+v", s.Current)
	}
	if s := c.StateAt(at(25 * time.Hour)); s.Current.Kind != Quiet {
		t.Fatalf("no quiet hours at 09:00 the next day: %+v", s.Current)
	}
}

func TestNextStageWhilePausedWaitsForResume(t *testing.T) {
	c := withEvents(iceThenHeat(t), ev(Pause, 5*m), ev(NextStage, 10*m))
	s := wantState(t, c, at(40*m), Heat, 20*m)
	if !s.Paused || s.Current.Stage != 1 {
		t.Fatalf("state %+v", s)
	}
	c = withEvents(c, ev(Resume, 40*m))
	wantState(t, c, at(50*m), Heat, 10*m)
}

func TestNextStageIsTheLatestChangeAndNotTheEnginesOwn(t *testing.T) {
	c := withEvents(iceThenHeat(t), ev(NextStage, 25*m))
	trs := c.Transitions(at(21*m), at(25*m+time.Second))
	if len(trs) != 1 || trs[0].From.Kind != Rest || trs[0].To.Kind != Heat || !trs[0].To.Cause.ByPerson() {
		t.Fatalf("transitions %+v", trs)
	}
	if CauseScheduled.ByPerson() || CauseQuietEnd.ByPerson() || !CauseSkip.ByPerson() || !CauseStop.ByPerson() {
		t.Fatal("ByPerson mixes the engine's causes with the person's")
	}
}

// The property tests (properties_test.go) draw next-stage events among the
// others; this makes sure enough of them move a course on for those tests to
// say something about it.
func TestPropertyCoursesMoveOnToTheNextStage(t *testing.T) {
	moved := 0
	forRandomCourses(t, 300, func(t *testing.T, _ *rand.Rand, c Course) {
		for _, s := range c.Segments(c.Start, c.Start.Add(propertySpan)) {
			if s.Cause == CauseNextStage {
				moved++
				return
			}
		}
	})
	if moved < propertyRuns(10) {
		t.Fatalf("only %d of %d random courses moved to a next stage", moved, propertyRuns(300))
	}
}
