package schedule

import (
	"math/rand/v2"
	"testing"
	"time"
)

// skinCourse is a 20-minute ice cycle with its skin check at 8 minutes.
func skinCourse(t *testing.T) Course {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	c.SkinCheck = 8 * m
	return c
}

// wantSkinCheck checks when the skin check that waits at now came (zero:
// none waits).
func wantSkinCheck(t *testing.T, c Course, now, want time.Time) {
	t.Helper()
	if got := c.StateAt(now).SkinCheck; !got.Equal(want) {
		t.Fatalf("at +%v the skin check that waits came at %v, want %v", now.Sub(t0), got, want)
	}
}

// The check comes 8 minutes into each ice phase, waits until answered or
// until the phase ends, and never comes in rest.
func TestSkinCheckComesOnceInEachIcePhase(t *testing.T) {
	c := skinCourse(t)
	wantSkinCheck(t, c, at(8*m-time.Second), time.Time{})
	wantSkinCheck(t, c, at(8*m), at(8*m))
	wantSkinCheck(t, c, at(20*m-time.Second), at(8*m))
	wantSkinCheck(t, c, at(20*m), time.Time{})
	wantSkinCheck(t, c, at(47*m), time.Time{})
	wantSkinCheck(t, c, at(48*m), at(48*m))

	ok := mustDo(t, c, Action{Verb: VerbSkinOK}, at(9*m+500*time.Millisecond))
	wantSkinCheck(t, ok, at(9*m+time.Second), time.Time{})
	wantSkinCheck(t, ok, at(19*m), time.Time{}) // it never repeats
	wantSkinCheck(t, ok, at(48*m), at(48*m))
	wantChange(t, ok, at(10*m), Rest, at(20*m)) // an answer changes no timing

	off := c
	off.SkinCheck = 0
	wantSkinCheck(t, off, at(8*m), time.Time{})
	mustRefuse(t, off, Action{Verb: VerbSkinOK}, at(8*m), ErrNothingWaits, `this course has no skin check (it started with skin_check = "off")`)
	mustRefuse(t, c, Action{Verb: VerbSkinOK}, at(5*m), ErrNothingWaits, "no skin check is waiting: it comes 8 min into an ice phase")
}

// The check counts running ice time: a pause holds it back by as long, +
// and - leave it where it is (a phase cut below it has none), and a
// restart, on-since or a confirmation counts it afresh.
func TestSkinCheckCountsRunningIceTime(t *testing.T) {
	c := skinCourse(t)
	paused := doAll(t, c, step{Action{Verb: VerbPause}, at(5 * m)}, step{Action{Verb: VerbResume}, at(15*m + 400*time.Millisecond)})
	wantSkinCheck(t, paused, at(18*m-time.Second), time.Time{})
	wantSkinCheck(t, paused, at(18*m), at(18*m))

	extended := mustDo(t, c, Action{Verb: VerbExtend}, at(3*m))
	wantSkinCheck(t, extended, at(8*m), at(8*m))
	wantChange(t, extended, at(9*m), Rest, at(25*m))

	short := courseOf(t, "ice 10m, rest 20m", 0)
	short.SkinCheck = 8 * m
	cut := mustDo(t, short, Action{Verb: VerbShorten}, at(time.Minute))
	wantSkinCheck(t, cut, at(5*m-time.Second), time.Time{})
	wantChange(t, cut, at(2*m), Rest, at(5*m))
	again := mustDo(t, cut, Action{Verb: VerbExtend}, at(2*m))
	wantSkinCheck(t, again, at(8*m), at(8*m))

	since := mustDo(t, c, Action{Verb: VerbOnSince, Amount: m}, at(3*m))
	wantSkinCheck(t, since, at(10*m-time.Second), time.Time{})
	wantSkinCheck(t, since, at(10*m), at(10*m))

	restarted := doAll(t, c, step{Action{Verb: VerbSkinOK}, at(9 * m)}, step{Action{Verb: VerbRestart}, at(12 * m)})
	wantSkinCheck(t, restarted, at(20*m-time.Second), time.Time{})
	wantSkinCheck(t, restarted, at(20*m), at(20*m))
	wantChange(t, restarted, at(21*m), Rest, at(32*m))
}

// A night that cuts an ice phase short before 8 minutes leaves no check;
// the morning's first ice phase has its own, 8 minutes after the clock's
// 07:00, also the morning the clocks spring forward.
func TestSkinCheckAcrossNightsAndAClockChange(t *testing.T) {
	c := skinCourse(t)
	c.Quiet = quiet(t, "08:45-09:00", time.UTC) // cuts the second ice phase at 5 min
	wantSkinCheck(t, c, at(44*m+59*time.Second), time.Time{})
	wantChange(t, c, at(41*m), Quiet, at(45*m))
	wantSkinCheck(t, c, at(59*m), time.Time{})
	wantSkinCheck(t, c, at(68*m), at(68*m))

	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	d := dstCourse(time.Date(2026, 3, 7, 20, 0, 0, 0, ny), ny, hm(23, 0), hm(7, 0))
	d.SkinCheck = 8 * m
	morning := time.Date(2026, 3, 8, 7, 0, 0, 0, ny)
	wantSkinCheck(t, d, morning.Add(8*m-time.Second), time.Time{})
	if got := d.StateAt(morning.Add(9 * m)).SkinCheck; !got.Equal(time.Date(2026, 3, 8, 11, 8, 0, 0, time.UTC)) {
		t.Fatalf("the morning's skin check came at %v, want 07:08 EDT", got)
	}
}

// Numb ends the ice phase now: the rest starts, its remove reminder waits
// as a scheduled one does, and an acknowledgement answers it. Numb is
// taken whenever the pack is on, the check asked or not.
func TestSkinNumbEndsTheIcePhase(t *testing.T) {
	c := skinCourse(t)
	numb := mustDo(t, c, Action{Verb: VerbSkinNumb}, at(9*m+700*time.Millisecond))
	s := wantState(t, numb, at(9*m+time.Second), Rest, 20*m-time.Second)
	if s.Current.Cause != CauseNumb || !s.Current.Start.Equal(at(9*m)) {
		t.Fatalf("after numb: %+v, want a rest from 08:09 caused by numb", s.Current)
	}
	tr, waits := numb.Waiting(at(10 * m))
	if !waits || !tr.At.Equal(at(9*m)) || tr.To.Cause != CauseNumb || !tr.TakesPackOff() {
		t.Fatalf("after numb the waiting change is %+v (waits %v), want the numb removal at 08:09", tr, waits)
	}
	if got := numb.NumbAt(); len(got) != 1 || !got[0].Equal(at(9*m)) {
		t.Fatalf("NumbAt %v, want [08:09]", got)
	}
	acked := mustDo(t, numb, Action{Verb: VerbAck}, at(10*m))
	if _, waits := acked.Waiting(at(10 * m)); waits {
		t.Fatal("the ack did not answer the numb removal")
	}
	wantChange(t, acked, at(10*m), Ice, at(29*m))

	// A key in the same second just before the numb answer (kept at the
	// same whole second) came before the removal and does not answer it.
	okThenNumb := mustDo(t, mustDo(t, c, Action{Verb: VerbSkinOK}, at(9*m+200*time.Millisecond)), Action{Verb: VerbSkinNumb}, at(9*m+700*time.Millisecond))
	if tr, waits := okThenNumb.Waiting(at(10 * m)); !waits || tr.To.Cause != CauseNumb {
		t.Fatalf("after a key and numb in one second the waiting change is %+v (waits %v), want the numb removal", tr, waits)
	}

	early := mustDo(t, c, Action{Verb: VerbSkinNumb}, at(3*m))
	wantState(t, early, at(3*m), Rest, 20*m)
	mustRefuse(t, c, Action{Verb: VerbSkinNumb}, at(25*m), ErrNothingWaits, "no ice pack is on: it is rest now")
	paused := mustDo(t, c, Action{Verb: VerbPause}, at(9*m))
	mustRefuse(t, paused, Action{Verb: VerbSkinNumb}, at(10*m), ErrNotNow, "the course is paused, so the pack is off: keep it off until the skin feels normal again")
	wantSkinCheck(t, paused, at(10*m), time.Time{})
}

// Whatever happened before, a skin check that waits came in the ice phase
// that runs, at the instant its countdown had run Course.SkinCheck (read
// off the time left, where no night cuts the phase).
func TestPropertySkinCheckComesAtItsRunningTime(t *testing.T) {
	seen := 0
	forRandomCourses(t, 300, func(t *testing.T, r *rand.Rand, c Course) {
		for range 30 {
			now := randomInstant(r, c, propertySpan)
			rc := recordedBy(c, now)
			s := rc.StateAt(now)
			if s.SkinCheck.IsZero() {
				continue
			}
			seen++
			then := recordedBy(c, s.SkinCheck).StateAt(s.SkinCheck)
			if then.Next.Kind == Quiet {
				continue // the night cuts the phase: its time left is not the countdown's
			}
			if then.Current.Kind != Ice || !then.Current.Start.Equal(s.Current.Start) || then.Length-then.Remaining != c.SkinCheck {
				t.Fatalf("at %v a skin check from %v waits, but then the course read %+v (run %v of %v)", now, s.SkinCheck, then.Current, then.Length-then.Remaining, c.SkinCheck)
			}
		}
	})
	if seen < propertyRuns(100) {
		t.Fatalf("only %d waiting skin checks seen: the test does not reach them", seen)
	}
}
