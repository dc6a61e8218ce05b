package schedule

import (
	"testing"
	"time"
)

const m = time.Minute

func withEvents(c Course, events ...Event) Course {
	c.Events = append(append([]Event(nil), c.Events...), events...)
	return c
}

func ev(typ EventType, after time.Duration) Event { return Event{Type: typ, At: at(after)} }

func extend(after, amount time.Duration) Event {
	return Event{Type: Extend, At: at(after), Amount: amount}
}

func TestPauseFreezesTheCountdownAndResumeContinuesIt(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), ev(Pause, 5*m))
	s := wantState(t, c, at(30*m), Ice, 15*m)
	if !s.Paused {
		t.Fatal("not paused")
	}
	c = withEvents(c, ev(Resume, 30*m))
	wantState(t, c, at(31*m), Ice, 14*m)
	wantState(t, c, at(45*m), Rest, 20*m)
}

func TestPauseAndResumeAreIdempotent(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0),
		ev(Resume, 2*m), ev(Pause, 5*m), ev(Pause, 8*m), ev(Resume, 10*m), ev(Resume, 12*m))
	// Paused from 5 to 10: the ice ends 5 minutes late.
	wantState(t, c, at(24*m), Ice, 1*m)
	wantState(t, c, at(25*m), Rest, 20*m)
}

func TestSkipEndsThePhaseNow(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), ev(Skip, 5*m))
	s := wantState(t, c, at(6*m), Rest, 19*m)
	if s.Current.Cause != CauseSkip || !s.Current.Start.Equal(at(5*m)) {
		t.Errorf("rest began %v by %s, want at +5m by skip", s.Current.Start, s.Current.Cause)
	}
}

func TestSkipWhilePausedMovesOnButStaysPaused(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), ev(Pause, 5*m), ev(Skip, 6*m))
	s := wantState(t, c, at(30*m), Rest, 20*m)
	if !s.Paused {
		t.Error("skipping a paused phase resumed the countdown")
	}
}

func TestExtendAddsTimeToTheCurrentPhase(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), extend(5*m, 5*m))
	s := wantState(t, c, at(20*m), Ice, 5*m)
	if s.Length != 25*m || s.Progress() != 0.8 {
		t.Errorf("length %v, progress %v; want 25m, 0.8", s.Length, s.Progress())
	}
	wantState(t, c, at(25*m), Rest, 20*m)
}

func TestExtendWhilePaused(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), ev(Pause, 5*m), extend(6*m, 5*m))
	wantState(t, c, at(9*m), Ice, 20*m)
	c = withEvents(c, ev(Resume, 10*m))
	wantState(t, c, at(30*m), Rest, 20*m)
}

func TestExtendByNothingChangesNothing(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), extend(5*m, 0))
	wantState(t, c, at(10*m), Ice, 10*m)
}

// A negative extension (the `-` key) shortens the phase, never to before
// the instant it was made, paused or not.
func TestShortenNeverEndsBeforeNow(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), extend(6*m, -3*m))
	wantState(t, c, at(10*m), Ice, 7*m)
	c = withEvents(courseOf(t, "ice 20m, rest 20m", 0), extend(15*m, -10*m))
	wantState(t, c, at(15*m), Rest, 20*m)
	c = withEvents(courseOf(t, "ice 20m, rest 20m", 0), ev(Pause, 10*m), extend(11*m, -15*m), ev(Resume, 12*m))
	wantState(t, c, at(12*m), Rest, 20*m)
}

func TestRestartCountsThePhaseAgainFromNow(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), ev(Restart, 10*m))
	s := wantState(t, c, at(10*m), Ice, 20*m)
	if !s.Current.Start.Equal(t0) {
		t.Errorf("the phase began at %v; a restart keeps when it began", s.Current.Start)
	}
	wantState(t, c, at(30*m), Rest, 20*m)
}

func TestRestartResumesAPausedPhaseAndDropsExtensions(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), extend(1*m, 10*m), ev(Pause, 5*m), ev(Restart, 40*m))
	s := wantState(t, c, at(45*m), Ice, 15*m)
	if s.Paused || s.Length != 20*m {
		t.Errorf("paused %v, length %v; want running, 20m", s.Paused, s.Length)
	}
}

func TestStopEndsTheCourseAndLaterEventsDoNothing(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), ev(Stop, 10*m), ev(Resume, 11*m), ev(Skip, 12*m))
	s := wantState(t, c, at(10*m), Done, 0)
	if !s.Done || s.Next.Kind != "" || !s.StageEnds.IsZero() {
		t.Errorf("state after stop: %+v", s)
	}
	tr := c.Transitions(t0, at(72*time.Hour))
	if last := tr[len(tr)-1]; len(tr) != 2 || last.To.Kind != Done || last.To.Cause != CauseStop || !last.At.Equal(at(10*m)) || last.From.Kind != Ice {
		t.Errorf("transitions %+v, want the start and ice to done at +10m", tr)
	}
}

func TestCombinedEvents(t *testing.T) {
	// Ice from 0; paused 5-10; extended by 5 at 12 (ends at 30); skipped at
	// 15 into rest; rest restarted at 25 (ends at 45); then ice again.
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0),
		ev(Pause, 5*m), ev(Resume, 10*m), extend(12*m, 5*m), ev(Skip, 15*m), ev(Restart, 25*m))
	wantState(t, recordedBy(c, at(14*m)), at(14*m), Ice, 16*m)
	wantState(t, recordedBy(c, at(20*m)), at(20*m), Rest, 15*m)
	wantState(t, c, at(44*m), Rest, 1*m)
	wantState(t, c, at(45*m), Ice, 20*m)
}

// recordedBy is the course as it stood at now: only the events recorded by then.
func recordedBy(c Course, now time.Time) Course {
	var events []Event
	for _, e := range c.Events {
		if !e.At.After(now) {
			events = append(events, e)
		}
	}
	c.Events = events
	return c
}

// An event at the very instant a phase ends acts on the phase that has just
// begun: that is the phase the screen shows at that instant.
func TestEventsAtTheInstantOfATransition(t *testing.T) {
	base := courseOf(t, "ice 20m, rest 20m", 0)
	wantState(t, withEvents(base, ev(Skip, 20*m)), at(20*m), Ice, 20*m)
	s := wantState(t, withEvents(base, ev(Pause, 20*m)), at(50*m), Rest, 20*m)
	if !s.Paused {
		t.Error("not paused")
	}
	wantState(t, withEvents(base, extend(20*m, 5*m)), at(20*m), Rest, 25*m)
	wantState(t, withEvents(base, ev(Stop, 20*m)), at(20*m), Done, 0)
	wantState(t, withEvents(base, ev(Resume, 20*m)), at(20*m), Rest, 20*m)
}

func TestClockSteppedBackwards(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	// Before the start: the first phase, in full, never more than its length.
	wantState(t, c, at(-time.Hour), Ice, 20*m)

	// Before the last event: read as the instant of that event, so a pause
	// is never undone by the clock.
	paused := withEvents(c, ev(Pause, 10*m))
	s := wantState(t, paused, at(5*m), Ice, 10*m)
	if !s.Paused {
		t.Error("a clock stepped back undid the pause")
	}

	// An event recorded with an earlier time than the one before it (the
	// clock stepped back between two key presses) takes effect in order.
	c = withEvents(c, ev(Pause, 10*m), ev(Resume, 8*m))
	wantState(t, c, at(19*m), Ice, 1*m)
	wantState(t, c, at(20*m), Rest, 20*m)
}

func TestRemainingIsNeverNegative(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", time.Hour)
	for _, d := range []time.Duration{-time.Hour, 0, 20 * m, 59 * m, time.Hour, 100 * time.Hour} {
		if s := c.StateAt(at(d)); s.Remaining < 0 {
			t.Errorf("at +%v: %v left", d, s.Remaining)
		}
	}
}

func TestNowsMonotonicReadingIsIgnored(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	wall := time.Now()
	c.Start = wall.Round(0).Add(-5 * m)
	if got, want := c.StateAt(wall), c.StateAt(wall.Round(0)); got != want {
		t.Errorf("state with a monotonic reading %+v, without %+v", got, want)
	}
}

func TestNextAndStageEnd(t *testing.T) {
	p := preset(t, "ice-then-heat")
	c := Course{Preset: p.ID, Protocol: p.Protocol, Start: t0}
	s := c.StateAt(at(47*time.Hour + 50*m))
	if s.Current.Kind != Rest || s.Next.Kind != Heat || !s.Next.Start.Equal(at(48*time.Hour)) || s.Next.Stage != 1 {
		t.Errorf("at 47h50m: %s then %s at %v (stage %d), want rest then heat at 48h (stage 1)", s.Current.Kind, s.Next.Kind, s.Next.Start, s.Next.Stage)
	}
	if !s.StageEnds.Equal(at(48 * time.Hour)) {
		t.Errorf("stage ends %v, want +48h", s.StageEnds)
	}
	if s := c.StateAt(at(49 * time.Hour)); !s.StageEnds.IsZero() {
		t.Errorf("heat runs until stopped, yet stage ends %v", s.StageEnds)
	}
	paused := withEvents(c, ev(Pause, 10*m))
	if s := paused.StateAt(at(time.Hour)); !s.Next.Start.Equal(at(time.Hour+10*m)) || !s.Current.End.Equal(s.Next.Start) {
		t.Errorf("paused with 10m left at +1h: next at %v, want +1h10m as if resumed now", s.Next.Start)
	}
}

// Pausing and the other events inside quiet hours.
func TestEventsDuringQuietHours(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	c.Quiet = quiet(t, "23:00-07:00", time.UTC) // t0 is 08:00, so the night starts at +15h
	night := 15 * time.Hour

	// A pause does not hold the night: it ends at 07:00, and the morning's
	// first phase waits, full, for the resume.
	s := wantState(t, withEvents(c, ev(Pause, night+time.Hour)), at(night+9*time.Hour), Ice, 20*m)
	if !s.Paused || !s.Current.Start.Equal(at(night+8*time.Hour)) {
		t.Errorf("morning phase began %v paused=%v, want 07:00 and paused", s.Current.Start, s.Paused)
	}
	// A paused phase still ends when the night begins.
	wantState(t, withEvents(c, ev(Pause, night-5*m)), at(night), Quiet, 8*time.Hour)
	// Skip ends the night: a fresh cycle starts with the pack on.
	wantState(t, withEvents(c, ev(Skip, night+7*time.Hour)), at(night+7*time.Hour), Ice, 20*m)
	// Extend makes the night longer.
	wantState(t, withEvents(c, extend(night+time.Hour, 30*m)), at(night+8*time.Hour), Quiet, 30*m)
	// Restart has no phase to count again.
	wantState(t, withEvents(c, ev(Restart, night+time.Hour)), at(night+2*time.Hour), Quiet, 6*time.Hour)
}

// Quiet hours begin and end at their clock times whatever pauses happen: a
// pause or resume made at night only decides whether the morning's first
// phase waits for a resume.
func TestPauseAndResumeAtNightDoNotMoveTheNightsEnd(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	c.Quiet = quiet(t, "23:00-07:00", time.UTC) // t0 is 08:00, so the night starts at +15h
	night := 15 * time.Hour
	morning := night + 8*time.Hour

	// Paused at 23:10 and resumed at 23:30: the night still ends at 07:00 and
	// the morning starts on its own.
	c1 := withEvents(c, ev(Pause, night+10*m), ev(Resume, night+30*m))
	wantState(t, c1, at(night+31*m), Quiet, 8*time.Hour-31*m)
	wantState(t, c1, at(morning+5*m), Ice, 15*m)

	// Paused at 22:50 with 10 minutes of ice left, resumed at 23:30: the
	// frozen 10 minutes do not end the night at 23:40.
	c2 := withEvents(c, ev(Pause, night-10*m), ev(Resume, night+30*m))
	wantState(t, c2, at(night+45*m), Quiet, 8*time.Hour-45*m)
	wantState(t, c2, at(morning+5*m), Ice, 15*m)
}

// Paused says a countdown is frozen; WaitsForResume says the person's pause
// is in force, which outlasts the countdown through quiet hours.
func TestPausedAndWaitsForResume(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	c.Quiet = quiet(t, "23:00-07:00", time.UTC) // the night starts at +15h
	night := 15 * time.Hour
	morning := night + 8*time.Hour
	check := func(name string, c Course, now time.Time, kind Kind, remaining time.Duration, paused, waits bool) {
		t.Helper()
		s := wantState(t, c, now, kind, remaining)
		if s.Paused != paused || s.WaitsForResume != waits {
			t.Errorf("%s: paused %v, waits for resume %v; want %v, %v", name, s.Paused, s.WaitsForResume, paused, waits)
		}
	}

	running := c
	check("running", running, at(5*m), Ice, 15*m, false, false)
	check("running night", running, at(night+time.Hour), Quiet, 7*time.Hour, false, false)

	pausedInIce := withEvents(c, ev(Pause, night-10*m))
	check("paused ice", pausedInIce, at(night-5*m), Ice, 10*m, true, true)
	// At night nothing counts down; the time left is the night's.
	check("night after a pause", pausedInIce, at(night+time.Hour), Quiet, 7*time.Hour, false, true)
	check("morning after a pause", pausedInIce, at(morning+time.Hour), Ice, 20*m, true, true)

	pausedAtNight := withEvents(c, ev(Pause, night+time.Hour))
	check("paused at night", pausedAtNight, at(night+2*time.Hour), Quiet, 6*time.Hour, false, true)

	resumedAtNight := withEvents(pausedAtNight, ev(Resume, night+3*time.Hour))
	check("resumed at night", resumedAtNight, at(night+4*time.Hour), Quiet, 4*time.Hour, false, false)

	stopped := withEvents(c, ev(Pause, 5*m), ev(Stop, 6*m))
	check("stopped while paused", stopped, at(7*m), Done, 0, false, false)
}
