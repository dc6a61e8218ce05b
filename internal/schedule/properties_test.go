package schedule

import (
	"flag"
	"math/rand/v2"
	"testing"
	"time"
)

var seed = flag.Uint64("seed", 20261121, "seed for the randomised property tests")

// randomCourse is a course with a random protocol, quiet hours and events.
func randomCourse(r *rand.Rand) Course {
	randomCycle := func() Cycle {
		n := 1 + r.IntN(4)
		c := make(Cycle, n)
		for i := range c {
			c[i] = Phase{Kind: []Kind{Ice, Heat, Rest}[r.IntN(3)], Duration: time.Duration(1+r.IntN(90)) * time.Minute}
		}
		c[r.IntN(n)].Kind = []Kind{Ice, Heat}[r.IntN(2)]
		return c
	}
	c := Course{Preset: "custom", Start: t0.Add(time.Duration(r.IntN(86400)) * time.Second)}
	first := Stage{Cycle: randomCycle()}
	if r.IntN(3) > 0 {
		first.Window = time.Duration(1+r.IntN(48)) * time.Hour
	}
	c.Protocol.Stages = []Stage{first}
	if first.Window > 0 && r.IntN(2) == 0 {
		c.Protocol.Stages = append(c.Protocol.Stages, Stage{Cycle: randomCycle()})
	}
	if r.IntN(3) > 0 {
		from := time.Duration(r.IntN(24*60)) * time.Minute
		to := time.Duration(r.IntN(24*60)) * time.Minute
		if from != to {
			c.Quiet = QuietHours{Enabled: true, Start: from, End: to, Location: time.UTC}
		}
	}
	c.ConfirmPutOn = r.IntN(2) == 0
	if r.IntN(2) == 0 {
		c.SkinCheck = time.Duration(1+r.IntN(30)) * time.Minute
	}
	t := c.Start
	types := []EventType{Pause, Resume, Skip, Extend, Restart, NextStage, Ack, Confirm, SkinOK, Numb, Stop}
	for range r.IntN(40) {
		t = t.Add(time.Duration(r.IntN(4*3600)) * time.Second)
		e := Event{Type: types[r.IntN(len(types)-1)], At: t}
		if r.IntN(100) == 0 {
			e.Type = Stop
		}
		if e.Type == Extend {
			e.Amount = time.Duration(1+r.IntN(30)) * time.Minute
		}
		c.Events = append(c.Events, e)
	}
	return c
}

// propertyRuns is how many random cases a property test of n checks: n, or
// under -short the first fifth of them (the same seed, fewer cases).
func propertyRuns(n int) int {
	if testing.Short() {
		return max(1, n/5)
	}
	return n
}

// forRandomCourses runs check on many random courses, naming the seed so a
// failure can be replayed with -seed.
func forRandomCourses(t *testing.T, n int, check func(t *testing.T, r *rand.Rand, c Course)) {
	r := rand.New(rand.NewPCG(*seed, 0))
	for i := range propertyRuns(n) {
		c := randomCourse(r)
		t.Run("", func(t *testing.T) {
			defer func() {
				if t.Failed() {
					t.Logf("course %d of seed %d: %+v", i, *seed, c)
				}
			}()
			check(t, r, c)
		})
		if t.Failed() {
			return
		}
	}
}

func randomInstant(r *rand.Rand, c Course, span time.Duration) time.Time {
	return c.Start.Add(time.Duration(r.Int64N(int64(span/time.Second))) * time.Second)
}

const propertySpan = 80 * time.Hour

func TestPropertyPhasesAreContiguous(t *testing.T) {
	forRandomCourses(t, 300, func(t *testing.T, _ *rand.Rand, c Course) {
		segs := c.Segments(c.Start, c.Start.Add(propertySpan))
		if !segs[0].Start.Equal(c.Start) {
			t.Fatalf("first segment starts %v, the course %v", segs[0].Start, c.Start)
		}
		for i := 1; i < len(segs); i++ {
			if !segs[i].Start.Equal(segs[i-1].End) {
				t.Fatalf("segment %d (%s) starts %v, but %d (%s) ended %v", i, segs[i].Kind, segs[i].Start, i-1, segs[i-1].Kind, segs[i-1].End)
			}
			if segs[i].End.Before(segs[i].Start) && segs[i].Kind != Done {
				t.Fatalf("segment %d ends before it starts", i)
			}
		}
	})
}

func TestPropertyRemainingIsNeverNegativeNorBeyondTheCountdown(t *testing.T) {
	forRandomCourses(t, 300, func(t *testing.T, r *rand.Rand, c Course) {
		for range 50 {
			now := randomInstant(r, c, propertySpan)
			s := c.StateAt(now.Add(-time.Duration(r.IntN(3)) * time.Hour)) // clocks step backwards too
			if s.Remaining < 0 || s.Remaining > s.Length {
				t.Fatalf("%v left of a %v countdown", s.Remaining, s.Length)
			}
		}
	})
}

func TestPropertyTransitionsSplitAtAnyInstant(t *testing.T) {
	forRandomCourses(t, 300, func(t *testing.T, r *rand.Rand, c Course) {
		a := randomInstant(r, c, propertySpan).Add(-time.Hour)
		cc := a.Add(time.Duration(r.IntN(60*3600)) * time.Second)
		b := a.Add(cc.Sub(a) / time.Duration(1+r.IntN(4)))
		whole := c.Transitions(a, cc)
		if len(whole) > 0 && r.IntN(2) == 0 {
			b = whole[r.IntN(len(whole))].At // the edge cases: split exactly at a transition
		}
		parts := append(c.Transitions(a, b), c.Transitions(b, cc)...)
		if len(whole) != len(parts) {
			t.Fatalf("[a,c) has %d transitions, [a,b)+[b,c) %d", len(whole), len(parts))
		}
		for i := range whole {
			if whole[i] != parts[i] {
				t.Fatalf("transition %d: %+v vs %+v", i, whole[i], parts[i])
			}
		}
	})
}

// The state at any instant is the segment the last transition up to it began,
// for the course as recorded by then.
func TestPropertyStateAgreesWithTransitions(t *testing.T) {
	forRandomCourses(t, 300, func(t *testing.T, r *rand.Rand, c Course) {
		for range 20 {
			now := randomInstant(r, c, propertySpan)
			rc := recordedBy(c, now)
			s := rc.StateAt(now)
			trs := rc.Transitions(rc.Start, now.Add(time.Nanosecond))
			last := trs[len(trs)-1].To
			if s.Current.Kind != last.Kind || !s.Current.Start.Equal(last.Start) || s.Current.Stage != last.Stage || s.Current.Index != last.Index {
				t.Fatalf("at %v the state is %+v, the last transition began %+v", now, s.Current, last)
			}
			if s.Done != (last.Kind == Done) {
				t.Fatalf("done=%v with current %s", s.Done, last.Kind)
			}
			if !s.Done && !s.Paused && s.Current.Kind != Quiet && !s.Current.End.Equal(now.Add(s.Remaining)) {
				t.Fatalf("ends %v, but now + remaining is %v", s.Current.End, now.Add(s.Remaining))
			}
		}
	})
}

// With nothing happening, a running phase's planned end is where the next
// transition really comes.
func TestPropertyNextIsWhatComes(t *testing.T) {
	forRandomCourses(t, 300, func(t *testing.T, r *rand.Rand, c Course) {
		c.Events = nil
		now := randomInstant(r, c, propertySpan)
		s := c.StateAt(now)
		if s.Done {
			return
		}
		trs := c.Transitions(now.Add(time.Nanosecond), s.Current.End.Add(time.Nanosecond))
		if len(trs) == 0 || !trs[0].At.Equal(s.Current.End) || trs[0].To.Kind != s.Next.Kind || !trs[0].To.Start.Equal(s.Next.Start) {
			t.Fatalf("state says %s next at %v, transitions %+v", s.Next.Kind, s.Current.End, trs)
		}
	})
}

// Changes is Transitions without an end: cut at any instant, it is the same list.
func TestPropertyChangesBeginWithTheTransitions(t *testing.T) {
	forRandomCourses(t, 300, func(t *testing.T, r *rand.Rand, c Course) {
		a := randomInstant(r, c, propertySpan).Add(-time.Hour)
		b := a.Add(time.Duration(r.IntN(60*3600)) * time.Second)
		want := c.Transitions(a, b)
		i := 0
		for tr := range c.Changes(a) {
			if i == len(want) {
				if tr.At.Before(b) {
					t.Fatalf("change %d at %v is before %v, yet not among the transitions", i, tr.At, b)
				}
				break
			}
			if tr != want[i] {
				t.Fatalf("change %d: %+v, transition %+v", i, tr, want[i])
			}
			i++
		}
		if i != len(want) {
			t.Fatalf("%d changes, %d transitions", i, len(want))
		}
	})
}

// Each transition ends the segment the one before it began, at its own
// instant: nothing is lost and nothing reported twice.
func TestPropertyTransitionsChain(t *testing.T) {
	forRandomCourses(t, 300, func(t *testing.T, _ *rand.Rand, c Course) {
		trs := c.Transitions(c.Start, c.Start.Add(propertySpan))
		for i, tr := range trs {
			if !tr.To.Start.Equal(tr.At) || (tr.From != Segment{} && !tr.From.End.Equal(tr.At)) {
				t.Fatalf("transition %d at %v: %+v", i, tr.At, tr)
			}
			if i == 0 {
				continue
			}
			prev := trs[i-1].To
			if tr.At.Before(trs[i-1].At) || tr.From.Kind != prev.Kind || !tr.From.Start.Equal(prev.Start) || tr.From.Stage != prev.Stage || tr.From.Index != prev.Index || tr.From.Cause != prev.Cause {
				t.Fatalf("transition %d ends %+v, but %d began %+v", i, tr.From, i-1, prev)
			}
		}
	})
}

// Upcoming is what Changes gives once the person resumes at the instant
// asked about.
func TestPropertyUpcomingIsChangesOnceResumed(t *testing.T) {
	forRandomCourses(t, 300, func(t *testing.T, r *rand.Rand, c Course) {
		now := randomInstant(r, c, propertySpan)
		n := 1 + r.IntN(5)
		got := c.Upcoming(now, n)
		now = c.StateAt(now).Now
		resumed := withEvents(c, Event{Type: Resume, At: now})
		var want []Transition
		for tr := range resumed.Changes(now.Add(time.Nanosecond)) {
			if len(want) == n {
				break
			}
			want = append(want, tr)
		}
		if c.StateAt(now).Done {
			want = nil
		}
		if len(got) != len(want) {
			t.Fatalf("at %v: %d upcoming, want %d", now, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("upcoming %d: %+v, want %+v", i, got[i], want[i])
			}
		}
	})
}

// A segment's paused time is part of it: never negative, never more than it lasts.
func TestPropertyPausedTimeFitsTheSegment(t *testing.T) {
	forRandomCourses(t, 300, func(t *testing.T, r *rand.Rand, c Course) {
		check := func(what string, s Segment) {
			t.Helper()
			if s.Paused < 0 || (s.Kind != Done && s.Paused > s.End.Sub(s.Start)) || (!s.Kind.IsOn() && s.Kind != Rest && s.Paused != 0) {
				t.Fatalf("%s: %+v", what, s)
			}
		}
		for _, s := range c.Segments(c.Start, c.Start.Add(propertySpan)) {
			check("segment", s)
		}
		for range 20 {
			now := randomInstant(r, c, propertySpan)
			check("current", c.StateAt(now).Current)
		}
	})
}
