package schedule

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
)

// railCourse is a random course that keeps the safety rails, as every
// course started from a preset or a checked custom cycle does, with no
// events yet.
func railCourse(r *rand.Rand) Course {
	cycle := func() Cycle {
		for {
			c := make(Cycle, 1+r.IntN(4))
			for i := range c {
				k := []Kind{Ice, Heat, Rest}[r.IntN(3)]
				most := 90 * time.Minute
				if limit := MaxApplication(k); limit > 0 {
					most = limit
				}
				c[i] = Phase{Kind: k, Duration: time.Duration(1+r.Int64N(int64(most/time.Minute))) * time.Minute}
			}
			if c[c.firstOn()].Kind.IsOn() && c.CheckRails() == nil {
				return c
			}
		}
	}
	c := Course{Preset: "custom", Start: t0.Add(time.Duration(r.IntN(86400)) * time.Second)}
	first := Stage{Cycle: cycle()}
	if r.IntN(2) == 0 {
		first.Window = time.Duration(1+r.IntN(30)) * time.Hour
		if r.IntN(2) == 0 {
			c.Protocol.Stages = append(c.Protocol.Stages, first, Stage{Cycle: cycle()})
		}
	}
	if len(c.Protocol.Stages) == 0 {
		c.Protocol.Stages = []Stage{first}
	}
	if r.IntN(3) > 0 {
		from := time.Duration(r.IntN(24*4)) * 15 * time.Minute
		to := time.Duration(r.IntN(24*4)) * 15 * time.Minute
		if from != to {
			c.Quiet = QuietHours{Enabled: true, Start: from, End: to, Location: time.UTC}
		}
	}
	// Most courses ask as icetimer starts them now; some are as saved
	// before it did.
	c.ConfirmPutOn = r.IntN(4) > 0
	if r.IntN(4) > 0 {
		c.SkinCheck = time.Duration(1+r.IntN(int(MaxSkinCheck/time.Minute))) * time.Minute
	}
	return c
}

// randomAction is any action, often a sensible one, sometimes not.
func randomAction(r *rand.Rand, c Course, now time.Time) Action {
	a := Action{Verb: Verbs[r.IntN(len(Verbs))]}
	for a.Verb == VerbStop && r.IntN(8) > 0 {
		a.Verb = Verbs[r.IntN(len(Verbs))] // most stops are dropped: after one, nearly every action is refused
	}
	switch r.IntN(10) {
	case 0:
		a.Amount = -time.Duration(r.IntN(600)) * time.Second
	case 1:
		a.Amount = time.Duration(r.Int64N(int64(2 * MaxExtend)))
	case 2, 3, 4:
		a.Amount = time.Duration(r.IntN(40*60)) * time.Second
	default:
		a.Amount = time.Duration(r.IntN(8*60)) * time.Second
	}
	a.Score = r.IntN(13) - 1
	if r.IntN(5) == 0 {
		a.Note = []string{"after a walk", "\x1b[2J", "two\nlines"}[r.IntN(3)]
	}
	if r.IntN(4) == 0 {
		a.At = c.Start.Add(time.Duration(r.Int64N(int64(max(now.Sub(c.Start)+2*time.Hour, time.Second)))) - time.Hour)
	}
	if r.IntN(40) == 0 {
		a.Verb = "snooze"
	}
	return a
}

// Any sequence of actions, at any instants (the clock stepping back now
// and then): what Do accepts keeps the course valid, its remainder never
// negative and every pack within its cap; what it refuses, it refuses
// with a known code and leaves the course as it was.
func TestPropertyActionsKeepTheCourseSafe(t *testing.T) {
	r := rand.New(rand.NewPCG(*seed, 7))
	codes := []string{ErrAtCap.Code, ErrLastStage.Code, ErrNothingWaits.Code, ErrOutsideCourse.Code, ErrNotNow.Code, ErrOutsidePhase.Code, ErrNoEffect.Code, ErrBadInput.Code}
	accepted, refused := map[Verb]int{}, map[string]int{}
	recorded := map[EventType]int{}
	for i := range propertyRuns(300) {
		c := railCourse(r)
		now := c.Start.Add(-time.Duration(r.IntN(120)) * time.Second)
		for j := range 60 {
			now = now.Add(time.Duration(r.Int64N(int64(90 * time.Minute))))
			if r.IntN(15) == 0 {
				now = now.Add(-time.Duration(r.IntN(600)) * time.Second) // a clock set back
			}
			a := randomAction(r, c, now)
			before := copyCourse(c)
			next, err := c.Do(a, now)
			fail := func(format string, args ...any) {
				t.Helper()
				t.Fatalf("course %d (seed %d), action %d, %+v at %v: "+format+"\ncourse %+v", append(append([]any{i, *seed, j, a, now}, args...), before)...)
			}
			if err != nil {
				var refusal *Refusal
				if !errors.As(err, &refusal) || !slices.Contains(codes, refusal.Code) || refusal.Reason == "" {
					fail("refused with %v, not one of the known refusals", err)
				}
				if !reflect.DeepEqual(next, before) || !reflect.DeepEqual(c, before) {
					fail("refused (%v), yet the course changed", err)
				}
				refused[refusal.Code]++
				continue
			}
			accepted[a.Verb]++
			if len(next.Events) > len(c.Events) {
				recorded[next.Events[len(next.Events)-1].Type]++
			}
			if err := next.Check(); err != nil {
				fail("accepted, the course fails its check: %v", err)
			}
			for _, e := range next.Events {
				if !e.At.Equal(EventInstant(e.At)) {
					fail("an event between two seconds: %+v", e)
				}
			}
			checkSafeFrom(t, next, now, fail)
			c = next
		}
	}
	for _, v := range Verbs {
		if accepted[v] == 0 {
			t.Errorf("no %s was ever accepted: the test does not reach it", v)
		}
	}
	for _, e := range []EventType{Ack, Confirm, SkinOK, Numb} {
		if recorded[e] == 0 {
			t.Errorf("no %s event was ever recorded: the test does not reach it", e)
		}
	}
	t.Logf("accepted %v; refused %v; recorded %v", accepted, refused, recorded)
}

// checkSafeFrom checks c at now and at the instants ahead where a pack is
// on longest (just before each change): never a negative remainder nor a
// countdown longer than a pack may stay on.
func checkSafeFrom(t *testing.T, c Course, now time.Time, fail func(string, ...any)) {
	t.Helper()
	instants := []time.Time{now}
	for tr := range c.Changes(now) {
		if tr.At.After(now.Add(6 * time.Hour)) {
			break
		}
		instants = append(instants, tr.At.Add(-time.Second), tr.At)
	}
	for _, at := range instants {
		s := c.StateAt(at)
		if s.Remaining < 0 {
			fail("at %v: %v left", at, s.Remaining)
		}
		if limit := MaxApplication(s.Current.Kind); limit > 0 && s.Length > limit {
			fail("at %v: a %s countdown of %v, over its cap of %v", at, s.Current.Kind, s.Length, limit)
		}
		if !s.Paused && s.Current.Kind.IsOn() && s.Current.End.Sub(at) > MaxApplication(s.Current.Kind) {
			fail("at %v: the %s stays on until %v, over its cap", at, s.Current.Kind, s.Current.End)
		}
		if w := s.SkinCheck; !w.IsZero() && (s.Current.Kind != Ice || s.Paused || w.Before(s.Current.Start) || w.After(at)) {
			fail("at %v: a skin check from %v waits in %+v", at, w, s)
		}
	}
}
