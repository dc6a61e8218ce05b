package remind

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

func TestRemovalsAreTimedFromTheirReminder(t *testing.T) {
	m := time.Minute
	c := iceCourse(testStart) // ice off at +20m, +60m, +100m, +140m
	c.Events = []schedule.Event{
		{Type: schedule.Ack, At: testStart.Add(22 * m)},             // 2 min: on time
		{Type: schedule.Ack, At: testStart.Add(62*m + time.Second)}, // late by 2m01s
		{Type: schedule.Skip, At: testStart.Add(130 * m)},           // the ice of +120m skipped: no reminder
	}
	got := Removals(c, c.Start, testStart.Add(170*m))
	if len(got) != 3 {
		t.Fatalf("removals %+v, want those at +20m, +60m, +100m", got)
	}
	for i, want := range []struct {
		at       time.Duration
		answered time.Duration // -1: none
		late     bool
	}{{20 * m, 22 * m, false}, {60 * m, 62*m + time.Second, true}, {100 * m, -1, false}} {
		r := got[i]
		if !r.At.Equal(testStart.Add(want.at)) || r.Late() != want.late || r.Kind != schedule.Ice ||
			(want.answered < 0) != r.Answered.IsZero() || (want.answered >= 0 && !r.Answered.Equal(testStart.Add(want.answered))) {
			t.Errorf("removal %d: %+v, want at +%v answered +%v late %v", i, r, want.at, want.answered, want.late)
		}
	}
}
