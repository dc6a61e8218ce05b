package advice

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/testseed"
)

// randomHistory is a few courses one after the other, some days apart (a
// week or more, now and then, which starts a new episode), with check-ins
// in and around them, the last one still running at the instant returned.
func randomHistory(rng *rand.Rand) ([]store.Record, time.Time) {
	cycles := []schedule.Cycle{
		{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
		{{Kind: schedule.Ice, Duration: 10 * time.Minute}, {Kind: schedule.Rest, Duration: 5 * time.Minute}},
		{{Kind: schedule.Ice, Duration: 15 * time.Minute}, {Kind: schedule.Rest, Duration: 15 * time.Minute}, {Kind: schedule.Heat, Duration: 15 * time.Minute}, {Kind: schedule.Rest, Duration: 15 * time.Minute}},
	}
	at := t0
	minutes := func(n int) time.Duration { return time.Duration(rng.IntN(n)) * time.Minute }
	var records []store.Record
	for i := range 1 + rng.IntN(6) {
		c := schedule.Course{Preset: "custom", Start: at, Protocol: schedule.Protocol{Stages: []schedule.Stage{{Cycle: cycles[rng.IntN(len(cycles))]}}}}
		for range rng.IntN(16) {
			c.Pain = append(c.Pain, schedule.PainScore{At: at.Add(minutes(600) - time.Hour), Score: rng.IntN(11)})
		}
		r := store.Record{Course: c}
		at = at.Add(minutes(720) + time.Minute)
		if i < 5 {
			r.EndedAt, r.Reason = at, store.Stopped
			at = at.Add(minutes(3 * 24 * 60))
			if rng.IntN(5) == 0 {
				at = at.Add(EpisodeGap)
			}
		}
		records = append(records, r)
	}
	return records, at.Add(minutes(600))
}

// The linear rules give what the rules gave when they compared every
// check-in with every application, whatever order the courses are added
// in (history is read from its end).
func TestTheRulesAgreeWithTheirReference(t *testing.T) {
	seed := testseed.FromEnv(t, "ADVICE_SEED")
	rng := rand.New(rand.NewPCG(seed, seed))
	given, histories := 0, 3000
	if testing.Short() {
		histories = 600 // a fifth of them, for -short
	}
	for i := range histories {
		records, now := randomHistory(rng)
		want := refFor(records, now)
		given += len(want)
		if got := For(records, now); !reflect.DeepEqual(got, want) {
			t.Fatalf("history %d: For = %+v, the reference %+v", i, got, want)
		}
		var h History
		for _, r := range slices.Backward(records[:len(records)-1]) {
			h.Add(r, now)
		}
		if got := h.With(records[len(records)-1], now); !reflect.DeepEqual(got, want) {
			t.Fatalf("history %d read from the end: %+v, the reference %+v", i, got, want)
		}
	}
	if given < histories/3 {
		t.Fatalf("only %d pieces of advice in %d histories: the test shows little", given, histories)
	}
}

// denseHistory is n courses of ice 20m, rest 20m, an hour apart, each
// with a check-in before and after its ice.
func denseHistory(n int) ([]store.Record, time.Time) {
	var records []store.Record
	for i := range n {
		start := t0.Add(time.Duration(i) * time.Hour)
		r := iceCourse(start, p(0, 6), p(21*time.Minute, 5))
		r.EndedAt, r.Reason = start.Add(30*time.Minute), store.Stopped
		records = append(records, r)
	}
	return records, t0.Add(time.Duration(n) * time.Hour)
}

// Weeks of heavy use (a course an hour, each with two check-ins) are
// worked out in linear time: the rules compared every check-in with every
// application, 10,000 courses took many seconds.
func BenchmarkAdviceOver10000Courses(b *testing.B) {
	records, now := denseHistory(10000)
	for b.Loop() {
		For(records, now)
	}
}

func TestAdviceOverManyCoursesIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("times work over 40,000 courses")
	}
	took := map[int]time.Duration{}
	for _, n := range []int{10000, 40000} {
		records, now := denseHistory(n)
		took[n] = time.Duration(1<<63 - 1)
		for range 3 {
			start := time.Now()
			For(records, now)
			took[n] = min(took[n], time.Since(start))
		}
	}
	t.Logf("advice over 10,000 courses: %s; over 40,000: %s (x%.1f)", took[10000], took[40000], float64(took[40000])/float64(took[10000]))
	if took[40000] > 10*took[10000]+100*time.Millisecond {
		t.Errorf("four times the courses took %.1f times as long", float64(took[40000])/float64(took[10000]))
	}
}
