package remind

import (
	"slices"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// told walks c's clock from `from` to `to` a second at a time, its events
// happening as the clock reaches them, and returns the clock times
// ("15:04:05") at which a countdown minute was told; it also checks that
// Next, asked at each step, named that very instant.
func told(t *testing.T, c schedule.Course, from, to time.Time) []string {
	t.Helper()
	cd := NewCountdown(from)
	var out []string
	var next time.Time
	events := c.Events
	for now := from; now.Before(to); now = now.Add(time.Second) {
		c.Events = nil
		for _, e := range events {
			if !e.At.After(now) {
				c.Events = append(c.Events, e)
			}
		}
		st := c.StateAt(now)
		if cd.Due(st) {
			out = append(out, now.Format("15:04:05"))
			if !next.Equal(now) {
				t.Errorf("told at %v, but Next said %v", now, next)
			}
		}
		next, _ = cd.Next(st)
	}
	return out
}

func TestCountdownTellsTheLastFiveMinutes(t *testing.T) {
	c := iceCourse(testStart)
	got := told(t, c, testStart, testStart.Add(40*time.Minute))
	want := []string{"08:15:00", "08:16:00", "08:17:00", "08:18:00", "08:19:00", "08:35:00", "08:36:00", "08:37:00", "08:38:00", "08:39:00"}
	if !slices.Equal(got, want) {
		t.Errorf("told at %v, want %v", got, want)
	}
}

// A phase shorter than five minutes is counted from its first whole minute
// after it began; a restart counts its phase again from then.
func TestCountdownOfShortAndRestartedPhases(t *testing.T) {
	short := iceCourse(testStart)
	short.Protocol.Stages[0].Cycle[0].Duration = 3 * time.Minute
	if got, want := told(t, short, testStart, testStart.Add(3*time.Minute)), []string{"08:01:00", "08:02:00"}; !slices.Equal(got, want) {
		t.Errorf("a 3-minute phase: told at %v, want %v", got, want)
	}

	restarted := iceCourse(testStart)
	restarted.Events = []schedule.Event{{Type: schedule.Restart, At: testStart.Add(17*time.Minute + 30*time.Second)}}
	got := told(t, restarted, testStart, testStart.Add(38*time.Minute))
	want := []string{"08:15:00", "08:16:00", "08:17:00", "08:32:30", "08:33:30", "08:34:30", "08:35:30", "08:36:30"}
	if !slices.Equal(got, want) {
		t.Errorf("restarted at 08:17:30: told at %v, want %v", got, want)
	}
}

// Nothing is told while paused, during quiet hours or once the course is
// over; a pause resumed goes on from the minute it is in.
func TestCountdownOnlyWhileCountingDown(t *testing.T) {
	c := iceCourse(testStart)
	c.Events = []schedule.Event{
		{Type: schedule.Pause, At: testStart.Add(16*time.Minute + 30*time.Second)},
		{Type: schedule.Resume, At: testStart.Add(30 * time.Minute)},
	}
	// Resumed with 3 min 30 s of ice left: it ends at 08:33:30. The
	// minute it resumes in passed while paused: it is not told.
	got := told(t, c, testStart, testStart.Add(34*time.Minute))
	want := []string{"08:15:00", "08:16:00", "08:30:30", "08:31:30", "08:32:30"}
	if !slices.Equal(got, want) {
		t.Errorf("paused 08:16:30 to 08:30: told at %v, want %v", got, want)
	}

	night := iceCourse(testStart)
	night.Quiet, _ = schedule.ParseQuietHours("08:30-07:00", time.UTC)
	if got := told(t, night, testStart.Add(30*time.Minute), testStart.Add(2*time.Hour)); len(got) != 0 {
		t.Errorf("during quiet hours: told at %v", got)
	}
	if got := told(t, c, testStart.Add(73*time.Hour), testStart.Add(74*time.Hour)); len(got) != 0 {
		t.Errorf("after the course: told at %v", got)
	}
}

// A laptop that sleeps through minutes of the countdown tells only the
// minute it wakes in, once.
func TestCountdownAfterASleep(t *testing.T) {
	c := iceCourse(testStart)
	cd := NewCountdown(testStart)
	var got []string
	for _, at := range []time.Duration{14 * time.Minute, 17*time.Minute + 30*time.Second, 17*time.Minute + 35*time.Second, 18 * time.Minute} {
		if now := testStart.Add(at); cd.Due(c.StateAt(now)) {
			got = append(got, now.Format("15:04:05"))
		}
	}
	if want := []string{"08:17:30", "08:18:00"}; !slices.Equal(got, want) {
		t.Errorf("told at %v, want %v", got, want)
	}
}

// A clock step shifts the course and the countdown with it: a minute told
// is not told again after a step ahead, nor are the next ones lost after a
// step back.
func TestCountdownShiftsWithTheClock(t *testing.T) {
	for _, step := range []time.Duration{time.Hour, -time.Hour} {
		c := iceCourse(testStart)
		cd := NewCountdown(testStart)
		if !cd.Due(c.StateAt(testStart.Add(15 * time.Minute))) {
			t.Fatal("the 5-minute line was not due at 08:15")
		}
		c = c.Shifted(step)
		cd.Shift(step)
		if cd.Due(c.StateAt(testStart.Add(15*time.Minute + 30*time.Second + step))) {
			t.Errorf("step %v: the 5-minute line told again", step)
		}
		if !cd.Due(c.StateAt(testStart.Add(16*time.Minute + step))) {
			t.Errorf("step %v: the 4-minute line not told", step)
		}
	}
}
