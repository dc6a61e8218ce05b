package schedule

import (
	"runtime"
	"testing"
	"time"
)

func TestUpcoming(t *testing.T) {
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	c := Course{Start: start, Protocol: Protocol{Stages: []Stage{{Cycle: Cycle{{Ice, 20 * time.Minute}, {Rest, 20 * time.Minute}}}}}}

	got := c.Upcoming(start.Add(5*time.Minute), 2)
	if len(got) != 2 || !got[0].At.Equal(start.Add(20*time.Minute)) || got[0].To.Kind != Rest ||
		!got[1].At.Equal(start.Add(40*time.Minute)) || got[1].To.Kind != Ice {
		t.Fatalf("running: got %+v", got)
	}

	// At the exact instant of a transition it is already current, not upcoming.
	if got := c.Upcoming(start.Add(20*time.Minute), 1); !got[0].At.Equal(start.Add(40 * time.Minute)) {
		t.Fatalf("at a boundary: got %v", got[0].At)
	}

	// Paused 5 minutes in and looked at 10 minutes later: counted as resumed now.
	c.Events = []Event{{Type: Pause, At: start.Add(5 * time.Minute)}}
	now := start.Add(15 * time.Minute)
	got = c.Upcoming(now, 2)
	if len(got) != 2 || !got[0].At.Equal(now.Add(15*time.Minute)) || !got[1].At.Equal(now.Add(35*time.Minute)) {
		t.Fatalf("paused: got %+v", got)
	}
	if len(c.Events) != 1 {
		t.Fatalf("Upcoming changed the course's events: %v", c.Events)
	}

	c.Events = append(c.Events, Event{Type: Stop, At: now})
	if got := c.Upcoming(now, 2); got != nil {
		t.Fatalf("done: got %+v", got)
	}
}

// oneSecondCycle runs ice and rest a second each until stopped: a course
// that changes very often, for ever.
func oneSecondCycle() Course {
	return Course{Start: t0, Protocol: Protocol{Stages: []Stage{{Cycle: Cycle{{Ice, time.Second}, {Rest, time.Second}}}}}}
}

// Upcoming works out only the transitions it returns, not days of them.
func TestUpcomingLooksNoFurtherThanAsked(t *testing.T) {
	c := oneSecondCycle()
	now := t0.Add(time.Minute + time.Second/2)
	got := c.Upcoming(now, 2)
	if len(got) != 2 || !got[0].At.Equal(t0.Add(61*time.Second)) || !got[1].At.Equal(t0.Add(62*time.Second)) {
		t.Fatalf("got %+v", got)
	}
	if allocs := testing.AllocsPerRun(10, func() { c.Upcoming(now, 2) }); allocs >= 200 {
		t.Errorf("Upcoming made %v allocations", allocs)
	}
	// A few large allocations are as bad as many small ones: count bytes too.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c.Upcoming(now, 2)
	runtime.ReadMemStats(&after)
	if bytes := after.TotalAlloc - before.TotalAlloc; bytes > 64<<10 {
		t.Errorf("Upcoming allocated %d bytes", bytes)
	}
}

// At night with the pause in force, the look-ahead counts the pause as
// released now, as it does for a paused phase: the morning runs normally.
func TestUpcomingOnAPausedNight(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	c.Quiet = quiet(t, "23:00-07:00", time.UTC) // the night starts at +15h
	c = withEvents(c, ev(Pause, 15*time.Hour+time.Hour))
	got := c.Upcoming(at(17*time.Hour), 2)
	if len(got) != 2 || !got[0].At.Equal(at(23*time.Hour)) || got[0].To.Kind != Ice ||
		!got[1].At.Equal(at(23*time.Hour+20*m)) || got[1].To.Kind != Rest {
		t.Fatalf("got %+v, want ice at 07:00 then rest at 07:20", got)
	}
	if s := c.StateAt(at(17 * time.Hour)); s.Next != got[0].To {
		t.Errorf("state says next %+v, Upcoming %+v", s.Next, got[0].To)
	}
}
