package schedule

import (
	"testing"
	"time"
)

// doAll performs the actions in order, each at its own instant.
func doAll(t *testing.T, c Course, steps ...step) Course {
	t.Helper()
	for _, s := range steps {
		c = mustDo(t, c, s.a, s.now)
	}
	return c
}

type step struct {
	a   Action
	now time.Time
}

// wantChange checks that the first change after from is to kind at want,
// to the second.
func wantChange(t *testing.T, c Course, from time.Time, kind Kind, want time.Time) {
	t.Helper()
	for tr := range c.Changes(from) {
		if !tr.At.Equal(want) || tr.To.Kind != kind {
			t.Fatalf("the change after %v is to %s at %v, want %s at %v", from, tr.To.Kind, tr.At, kind, want)
		}
		return
	}
	t.Fatalf("no change after %v", from)
}

// Actions taken between two whole seconds act at the whole second: the
// changes after them stay on whole seconds, however many pile up.
func TestDoIsExactAcrossPauses(t *testing.T) {
	c := doAll(t, courseOf(t, "ice 20m, rest 20m", 0),
		step{Action{Verb: VerbPause}, at(5*m + 900*time.Millisecond)},
		step{Action{Verb: VerbExtend, Amount: 2 * m}, at(10*m + 400*time.Millisecond)},
		step{Action{Verb: VerbResume}, at(35*m + 200*time.Millisecond)})
	// 15 min were left at 08:05, 17 after the extension: ice until 08:52.
	wantChange(t, c, at(36*m), Rest, at(52*m))
	c = mustDo(t, c, Action{Verb: VerbShorten, Amount: 90 * time.Second}, at(40*m+999*time.Millisecond))
	wantChange(t, c, at(41*m), Rest, at(50*m+30*time.Second))
	for tr := range c.Changes(at(50 * m)) {
		if tr.At.Nanosecond() != 0 {
			t.Fatalf("a change at %v, between two seconds", tr.At)
		}
		if tr.At.After(at(24 * time.Hour)) {
			break
		}
	}
}

// Hour 70 of a course with nights: an action there moves the next change
// by exactly what it says.
func TestDoIsExactAtHour70(t *testing.T) {
	p := preset(t, "ice-20-20")
	c := Course{Preset: p.ID, Protocol: p.Protocol, Start: t0, Quiet: quiet(t, "23:00-07:00", time.UTC)}
	now := at(70*time.Hour + 3*m + 600*time.Millisecond) // Tue 06:03, in the night
	if k := c.StateAt(now).Current.Kind; k != Quiet {
		t.Fatalf("at hour 70: %s, want the night", k)
	}
	c = mustDo(t, c, Action{Verb: VerbShorten, Amount: 10 * m}, now)
	wantChange(t, c, now, Ice, at(70*time.Hour+50*m)) // 07:00 less 10 min
	mid := at(70*time.Hour + 55*m + 300*time.Millisecond)
	c = doAll(t, c, step{Action{Verb: VerbPause}, mid}, step{Action{Verb: VerbResume}, mid.Add(7 * m)})
	wantChange(t, c, mid.Add(7*m), Rest, at(70*time.Hour+50*m+27*m))
}

// At night: a skip ends the night with the pack going on, - brings the
// morning forward, and a pause made at night holds the morning's first
// phase until resumed.
func TestDoAtNight(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	c.Quiet = quiet(t, "23:00-07:00", time.UTC)
	night := at(19 * time.Hour) // Sun 03:00
	skipped := mustDo(t, c, Action{Verb: VerbSkip}, night.Add(subSecond))
	wantState(t, skipped, night.Add(m), Ice, 19*m)
	shortened := mustDo(t, c, Action{Verb: VerbShorten}, night)
	wantChange(t, shortened, night, Ice, at(23*time.Hour-5*m))
	held := mustDo(t, c, Action{Verb: VerbPause}, night)
	if s := held.StateAt(at(23*time.Hour + 10*m)); !s.Paused || s.Current.Kind != Ice || s.Remaining != 20*m {
		t.Fatalf("at 07:10 after a pause at night: %+v", s)
	}
	resumed := mustDo(t, held, Action{Verb: VerbResume}, at(23*time.Hour+10*m))
	wantChange(t, resumed, at(23*time.Hour+10*m), Rest, at(23*time.Hour+30*m))
	// The night's removal waits for the person, and is answered.
	off := at(15 * time.Hour) // 23:00
	if _, waits := c.Waiting(off.Add(30 * time.Second)); !waits {
		t.Fatal("the night's removal does not wait")
	}
	mustDo(t, c, Action{Verb: VerbAck}, off.Add(30*time.Second))
}

// The night the clocks spring forward (New York, 8 March 2026) is an hour
// short: + before it is refused with the night's local clock time, and
// on-since in the morning counts from the instant the person meant.
func TestDoAcrossAClockChange(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	start := time.Date(2026, 3, 7, 20, 0, 0, 0, ny)
	c := dstCourse(start, ny, hm(23, 0), hm(7, 0))
	late := time.Date(2026, 3, 7, 22, 50, 0, 0, ny)
	mustRefuse(t, c, Action{Verb: VerbExtend}, late, ErrNoEffect, "this ice ends at 23:00 for the night")
	morning := time.Date(2026, 3, 8, 7, 0, 0, 0, ny)
	if got := morning.Sub(time.Date(2026, 3, 7, 23, 0, 0, 0, ny)); got != 7*time.Hour {
		t.Fatalf("the night lasts %v, want 7 h", got)
	}
	wantChange(t, c, late, Quiet, time.Date(2026, 3, 8, 4, 0, 0, 0, time.UTC))
	wantChange(t, c, late.Add(time.Hour), Ice, time.Date(2026, 3, 8, 11, 0, 0, 0, time.UTC))
	c = mustDo(t, c, Action{Verb: VerbOnSince, Amount: 3 * m}, morning.Add(5*m+subSecond))
	wantChange(t, c, morning.Add(6*m), Rest, time.Date(2026, 3, 8, 11, 22, 0, 0, time.UTC))
}
