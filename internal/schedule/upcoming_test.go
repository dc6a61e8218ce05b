package schedule

import (
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
