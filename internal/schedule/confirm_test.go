package schedule

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// askingCourse is a 20-minute ice cycle whose put-on reminders ask "Is it
// on?".
func askingCourse(t *testing.T) Course {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	c.ConfirmPutOn = true
	return c
}

// wantWaiting checks which change waits for the person at now (the zero
// instant: none).
func wantWaiting(t *testing.T, c Course, now, want time.Time) {
	t.Helper()
	tr, waits := c.Waiting(now)
	if !waits {
		tr.At = time.Time{}
	}
	if !tr.At.Equal(want) {
		t.Fatalf("at +%v the change that waits is at %v, want %v", now.Sub(t0), tr.At, want)
	}
}

// A put-on waits until the phase ends; unanswered, the phase runs as
// planned; answered, it counts from the answer, so the pack comes off a
// full phase after it went on.
func TestPutOnWaitsAndItsAnswerCountsThePhase(t *testing.T) {
	c := askingCourse(t)
	wantWaiting(t, c, at(0), at(0))
	wantWaiting(t, c, at(20*m-time.Second), at(0))
	wantWaiting(t, c, at(20*m), at(20*m)) // now the removal
	c2 := mustDo(t, c, Action{Verb: VerbAck}, at(20*m))
	wantWaiting(t, c2, at(40*m), at(40*m)) // the next put-on
	wantWaiting(t, c2, at(60*m-time.Second), at(40*m))
	wantChange(t, c2, at(41*m), Rest, at(60*m))

	confirmed := mustDo(t, c, Action{Verb: VerbAck}, at(3*m+900*time.Millisecond))
	if e := confirmed.Events[0]; e.Type != Confirm || !e.At.Equal(at(3*m)) {
		t.Fatalf("the answer recorded %+v, want a confirmation at 08:03", e)
	}
	wantWaiting(t, confirmed, at(4*m), time.Time{})
	wantState(t, confirmed, at(4*m), Ice, 19*m)
	wantChange(t, confirmed, at(4*m), Rest, at(23*m))
	wantChange(t, confirmed, at(24*m), Ice, at(43*m))
	mustRefuse(t, confirmed, Action{Verb: VerbAck}, at(5*m), ErrNothingWaits, "no reminder is waiting")

	// Any key answers it too, and counts nothing: + is 5 more minutes of
	// the phase as planned, and an ack after it finds nothing waiting.
	extended := mustDo(t, c, Action{Verb: VerbExtend}, at(2*m))
	wantWaiting(t, extended, at(3*m), time.Time{})
	wantChange(t, extended, at(3*m), Rest, at(25*m))
	// On-since answers it too, also in the very first phase, where it
	// moves the course's start.
	before := mustDo(t, c, Action{Verb: VerbOnSince, Amount: 2 * m}, at(time.Minute))
	wantWaiting(t, before, at(2*m), time.Time{})
	wantChange(t, before, at(2*m), Rest, at(19*m))
	if !before.Start.Equal(at(-m)) {
		t.Fatalf("on-since in the first phase starts the course at %v, want 07:59", before.Start)
	}
	// + after the answer adds to the phase as confirmed.
	more := mustDo(t, confirmed, Action{Verb: VerbExtend}, at(5*m))
	wantChange(t, more, at(6*m), Rest, at(28*m))
}

// A confirmation after a pause, in the morning and across the night the
// clocks spring forward counts to the second from its instant; a morning
// frozen by a pause does not wait: the pack goes on at the resume.
func TestPutOnConfirmationAcrossPausesNightsAndAClockChange(t *testing.T) {
	c := askingCourse(t)
	c.Quiet = quiet(t, "23:00-07:00", time.UTC)
	morning := at(23 * time.Hour) // Sun 07:00
	wantWaiting(t, c, morning.Add(m), morning)
	confirmed := mustDo(t, c, Action{Verb: VerbAck}, morning.Add(4*m+300*time.Millisecond))
	wantChange(t, confirmed, morning.Add(5*m), Rest, morning.Add(24*m))

	held := mustDo(t, c, Action{Verb: VerbPause}, at(20*time.Hour))
	wantWaiting(t, held, morning.Add(m), time.Time{})
	resumed := mustDo(t, held, Action{Verb: VerbResume}, morning.Add(10*m))
	wantWaiting(t, resumed, morning.Add(11*m), time.Time{})
	wantChange(t, resumed, morning.Add(11*m), Rest, morning.Add(30*m))

	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	d := dstCourse(time.Date(2026, 3, 7, 20, 0, 0, 0, ny), ny, hm(23, 0), hm(7, 0))
	d.ConfirmPutOn = true
	nyMorning := time.Date(2026, 3, 8, 7, 0, 0, 0, ny)
	tr, waits := d.Waiting(nyMorning.Add(2 * m))
	if !waits || !tr.At.Equal(time.Date(2026, 3, 8, 11, 0, 0, 0, time.UTC)) {
		t.Fatalf("the spring-forward morning's put-on: %+v (waits %v), want 07:00 EDT", tr, waits)
	}
	d = mustDo(t, d, Action{Verb: VerbAck}, nyMorning.Add(6*m))
	wantChange(t, d, nyMorning.Add(7*m), Rest, time.Date(2026, 3, 8, 11, 26, 0, 0, time.UTC))
}

// A change that takes ice off as it puts heat on waits as a removal: its
// acknowledgement says the ice is off and moves nothing. A skip or a move
// to the next stage is the person's own: nothing waits.
func TestPutOnThatIsAlsoARemovalWaitsAsARemoval(t *testing.T) {
	c := courseOf(t, "ice 20m, heat 20m, rest 20m", 0)
	c.ConfirmPutOn = true
	acked := mustDo(t, c, Action{Verb: VerbAck}, at(22*m))
	if e := acked.Events[0]; e.Type != Ack {
		t.Fatalf("the answer to ice-to-heat recorded %s, want an ack", e.Type)
	}
	wantChange(t, acked, at(23*m), Rest, at(40*m))

	skipped := mustDo(t, askingCourse(t), Action{Verb: VerbSkip}, at(25*m))
	wantWaiting(t, skipped, at(26*m), time.Time{})
}

// Courses saved before icetimer asked replay as they did: their put-ons
// never wait, an ack answers removals only and changes no timing, and the
// course reads the same at every instant with its acks or without them
// (each as recorded by then).
func TestOldCoursesReplayAsBefore(t *testing.T) {
	old := courseOf(t, "ice 20m, rest 20m", 0)
	wantWaiting(t, old, at(m), time.Time{})
	mustRefuse(t, old, Action{Verb: VerbAck}, at(m), ErrNothingWaits, "no reminder is waiting")
	r := rand.New(rand.NewPCG(*seed, 25))
	acks := 0
	for range propertyRuns(200) {
		c := railCourse(r)
		c.SkinCheck, c.ConfirmPutOn = 0, false
		now := c.Start
		for range 40 {
			now = now.Add(time.Duration(r.Int64N(int64(2 * time.Hour))))
			a := randomAction(r, c, now)
			if a.Verb == VerbSkinOK || a.Verb == VerbSkinNumb {
				a.Verb = VerbAck
			}
			if next, err := c.Do(a, now); err == nil {
				c = next
			}
		}
		for _, e := range c.Events {
			if e.Type == Confirm || e.Type == SkinOK || e.Type == Numb {
				t.Fatalf("an old course recorded %s: %+v", e.Type, c)
			}
		}
		without := c
		without.Events = nil
		for _, e := range c.Events {
			if e.Type != Ack {
				without.Events = append(without.Events, e)
			} else {
				acks++
			}
		}
		for at := c.Start; at.Before(now.Add(time.Hour)); at = at.Add(7 * time.Minute) {
			got, want := recordedBy(c, at).StateAt(at), recordedBy(without, at).StateAt(at)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("at %v the course with its acks reads %+v, without them %+v", at, got, want)
			}
		}
	}
	if acks < propertyRuns(100) {
		t.Fatalf("only %d acks were recorded: the test does not reach them", acks)
	}
	t.Logf("%d acks left the old courses' timing as it was", acks)
}
