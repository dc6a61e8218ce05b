package schedule

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// subSecond is a clock reading between two whole seconds, as a real clock
// gives them.
const subSecond = 700 * time.Millisecond

// mustDo is c after a at now, failing the test on a refusal.
func mustDo(t *testing.T, c Course, a Action, now time.Time) Course {
	t.Helper()
	next, err := c.Do(a, now)
	if err != nil {
		t.Fatalf("%s at %v: %v", a.Verb, now.Sub(t0), err)
	}
	return next
}

// mustRefuse checks that a at now is refused as kind with a reason that
// says says, and that the course comes back as it was.
func mustRefuse(t *testing.T, c Course, a Action, now time.Time, kind *Refusal, says string) {
	t.Helper()
	before := copyCourse(c)
	got, err := c.Do(a, now)
	var r *Refusal
	if !errors.As(err, &r) || !errors.Is(err, kind) || r.Code != kind.Code {
		t.Fatalf("%s at %v: %v, want a %s refusal", a.Verb, now.Sub(t0), err, kind.Code)
	}
	if !strings.Contains(r.Reason, says) {
		t.Errorf("%s at %v: %q, want it to say %q", a.Verb, now.Sub(t0), r.Reason, says)
	}
	if !reflect.DeepEqual(got, before) || !reflect.DeepEqual(c, before) {
		t.Errorf("%s at %v was refused, yet the course changed: %+v", a.Verb, now.Sub(t0), got)
	}
}

// copyCourse is c with arrays of its own, to compare with later.
func copyCourse(c Course) Course {
	c.Events = append([]Event(nil), c.Events...)
	c.Pain = append([]PainScore(nil), c.Pain...)
	return c
}

func lastOf(t *testing.T, c Course) Event {
	t.Helper()
	if len(c.Events) == 0 {
		t.Fatal("no event recorded")
	}
	return c.Events[len(c.Events)-1]
}

func TestEveryVerbRecordsItsEventAtTheWholeSecond(t *testing.T) {
	ice := courseOf(t, "ice 20m, rest 20m", 0)
	paused := withEvents(ice, ev(Pause, 2*m))
	offAt := at(20*m + 30*time.Second + subSecond) // ice came off at +20m: its reminder waits
	for _, tc := range []struct {
		c      Course
		a      Action
		now    time.Time
		want   Event
		course func(Course) bool // what else must hold
	}{
		{ice, Action{Verb: VerbPause}, at(5*m + subSecond), Event{Type: Pause, At: at(5 * m)}, nil},
		{paused, Action{Verb: VerbResume}, at(5*m + subSecond), Event{Type: Resume, At: at(5 * m)}, nil},
		{ice, Action{Verb: VerbSkip}, at(5*m + subSecond), Event{Type: Skip, At: at(5 * m)}, nil},
		{ice, Action{Verb: VerbExtend}, at(5*m + subSecond), Event{Type: Extend, At: at(5 * m), Amount: DefaultAmount}, nil},
		{ice, Action{Verb: VerbExtend, Amount: 90*time.Second + subSecond}, at(5 * m), Event{Type: Extend, At: at(5 * m), Amount: 90 * time.Second}, nil},
		{ice, Action{Verb: VerbShorten}, at(5*m + subSecond), Event{Type: Extend, At: at(5 * m), Amount: -DefaultAmount}, nil},
		{ice, Action{Verb: VerbShorten, Amount: 2 * m}, at(5 * m), Event{Type: Extend, At: at(5 * m), Amount: -2 * m}, nil},
		{ice, Action{Verb: VerbRestart}, at(5*m + subSecond), Event{Type: Restart, At: at(5 * m)}, nil},
		{withEvents(ice, ev(Pause, time.Minute), ev(Resume, 2*m)), Action{Verb: VerbOnSince, Amount: 2 * m}, at(5*m + subSecond), Event{Type: Restart, At: at(3 * m)}, nil},
		{ice, Action{Verb: VerbAck}, offAt, Event{Type: Ack, At: at(20*m + 30*time.Second)}, nil},
		{iceThenHeat(t), Action{Verb: VerbNextStage}, at(5*m + subSecond), Event{Type: NextStage, At: at(5 * m)},
			func(c Course) bool { return c.StateAt(at(6*m)).Current.Kind == Heat }},
		{ice, Action{Verb: VerbStop}, at(5*m + subSecond), Event{Type: Stop, At: at(5 * m)},
			func(c Course) bool { return c.StateAt(at(5 * m)).Done }},
	} {
		t.Run(string(tc.a.Verb), func(t *testing.T) {
			c := mustDo(t, tc.c, tc.a, tc.now)
			if len(c.Events) != len(tc.c.Events)+1 || lastOf(t, c) != tc.want {
				t.Fatalf("events %+v, want %+v after %+v", c.Events, tc.want, tc.c.Events)
			}
			if tc.course != nil && !tc.course(c) {
				t.Fatalf("the course after %s is not as it should be: %+v", tc.a.Verb, c.StateAt(tc.now))
			}
		})
	}
}

func TestPainIsRecordedAtNowOrAtAnEarlierInstant(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	c = mustDo(t, c, Action{Verb: VerbPain, Score: 6, Note: "after a walk"}, at(30*m+subSecond))
	c = mustDo(t, c, Action{Verb: VerbPain, Score: 8, At: at(10*m + subSecond)}, at(31*m))
	want := []PainScore{{At: at(30 * m), Score: 6, Note: "after a walk"}, {At: at(10 * m), Score: 8}}
	// The score given now answers the removal that waits since 08:20 (the
	// person is there, the pack off); the one given for 08:10 answers
	// nothing.
	acked := []Event{{Type: Ack, At: at(30 * m)}}
	if !reflect.DeepEqual(c.Pain, want) || !reflect.DeepEqual(c.Events, acked) {
		t.Fatalf("pain %+v events %+v, want %+v and %+v", c.Pain, c.Events, want, acked)
	}
	asked := courseOf(t, "ice 20m, rest 20m", 0)
	asked.ConfirmPutOn = true
	if scored := mustDo(t, asked, Action{Verb: VerbPain, Score: 4}, at(2*m)); len(scored.Events) != 0 {
		t.Fatalf("a score answered the put-on: %+v", scored.Events)
	}
	// The check-in after the last application: taken for half an hour
	// after the course ends.
	done := withEvents(courseOf(t, "ice 20m, rest 20m", 0), ev(Stop, 20*m))
	mustDo(t, done, Action{Verb: VerbPain, Score: 3}, at(50*m))
}

// The engine's own verbs keep their rules: on-since early in the very first
// phase moves the course's start back, so the pack's real time on counts.
func TestOnSinceBeforeTheStartMovesAnUntouchedCourseBack(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	c = mustDo(t, c, Action{Verb: VerbOnSince, Amount: 3 * m}, at(time.Minute+subSecond))
	if !c.Start.Equal(at(-2*m)) || len(c.Events) != 0 {
		t.Fatalf("start %v events %+v, want the start 2 min earlier and no event", c.Start.Sub(t0), c.Events)
	}
	wantState(t, c, at(time.Minute), Ice, 17*m)
	if s := c.StateAt(at(18 * m)); s.Current.Kind != Rest || !s.Current.Start.Equal(at(18*m)) {
		t.Fatalf("at +18m: %+v, want rest from +18m", s.Current)
	}
}

// endsWithIce is a course that ends by itself as its ice comes off: rest,
// then ice, for one cycle; over at +40m.
func endsWithIce(t *testing.T) Course {
	return courseOf(t, "rest 20m, ice 20m", 10*m)
}

func TestWaiting(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	for _, tc := range []struct {
		name  string
		c     Course
		now   time.Duration
		waits bool
	}{
		{"the pack on", c, 10 * m, false},
		{"just taken off", c, 20 * m, true},
		{"until the next change", c, 39*m + 59*time.Second, true},
		{"a put-on change", c, 40 * m, false},
		{"answered", withEvents(c, ev(Ack, 21*m)), 22 * m, false},
		{"any key answers", withEvents(c, ev(Pause, 21*m)), 22 * m, false},
		{"the person's own skip", withEvents(c, ev(Skip, 10*m)), 12 * m, false},
		{"stopped with the pack on", withEvents(c, ev(Stop, 10*m)), 11 * m, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr, waits := tc.c.Waiting(at(tc.now))
			if waits != tc.waits {
				t.Fatalf("at +%v waits %v (change %+v), want %v", tc.now, waits, tr, tc.waits)
			}
		})
	}
	// A course that ends by itself with a pack on: its removal waits half
	// an hour.
	end := endsWithIce(t)
	if _, waits := end.Waiting(at(70 * m)); !waits {
		t.Error("the removal that ended the course does not wait 30 min")
	}
	if _, waits := end.Waiting(at(70*m + time.Second)); waits {
		t.Error("the removal that ended the course waits more than 30 min")
	}
}

func TestRefusals(t *testing.T) {
	ice := courseOf(t, "ice 20m, rest 20m", 0)
	long := courseOf(t, "ice 27m, rest 20m", 0)
	night := courseOf(t, "ice 20m, rest 20m", 0)
	night.Start = at(14 * time.Hour) // 22:00: ice, rest, ice from 22:40, cut at 23:00
	night.Quiet = quiet(t, "23:00-07:00", time.UTC)
	done := withEvents(ice, ev(Stop, 10*m))
	for _, tc := range []struct {
		name string
		c    Course
		a    Action
		now  time.Time
		kind *Refusal
		says string
	}{
		{"an unknown verb", ice, Action{Verb: "snooze"}, at(5 * m), ErrBadInput, "want one of pause, resume, skip"},
		{"pause while paused", withEvents(ice, ev(Pause, 2*m)), Action{Verb: VerbPause}, at(5 * m), ErrNotNow, "paused already"},
		{"resume while running", ice, Action{Verb: VerbResume}, at(5 * m), ErrNotNow, "not paused"},
		{"resume at night with no pause", night, Action{Verb: VerbResume}, at(15*time.Hour + 30*m), ErrNotNow, "not paused"},

		{"extend past the cap", withEvents(ice, extend(2*m, 5*m), extend(3*m, 5*m)), Action{Verb: VerbExtend}, at(5 * m), ErrAtCap, "one ice application lasts at most 30 min: this one has no more to add"},
		{"extend by more than is left", long, Action{Verb: VerbExtend}, at(5 * m), ErrAtCap, "lasts at most 30 min: this one has 3 min left to add"},
		{"extend paused at the cap", withEvents(long, extend(time.Minute, 3*m), ev(Pause, 2*m)), Action{Verb: VerbExtend}, at(5 * m), ErrAtCap, "no more to add"},
		{"extend into quiet hours", night, Action{Verb: VerbExtend}, at(14*time.Hour + 45*m), ErrNoEffect, "this ice ends at 23:00 for the night: more time cannot carry it into quiet hours"},
		{"rest into quiet hours", withEvents(night, Event{Type: Skip, At: at(14*time.Hour + 41*m)}), Action{Verb: VerbExtend}, at(14*time.Hour + 45*m), ErrNoEffect, "this rest ends at 23:00 for the night"},
		{"extend by less than a second", ice, Action{Verb: VerbExtend, Amount: time.Millisecond}, at(5 * m), ErrBadInput, "want an amount from 1s to 168h"},
		{"extend by a negative amount", ice, Action{Verb: VerbExtend, Amount: -m}, at(5 * m), ErrBadInput, "extend -1m"},
		{"shorten by more than a week", ice, Action{Verb: VerbShorten, Amount: MaxExtend + time.Second}, at(5 * m), ErrBadInput, "shorten 168h1s"},
		{"shorten a paused phase with nothing left", withEvents(ice, ev(Pause, 5*m), extend(6*m, -15*m)), Action{Verb: VerbShorten}, at(7 * m), ErrNoEffect, "this ice has no time left to take off"},

		{"restart twice in a second", withEvents(ice, ev(Restart, 5*m)), Action{Verb: VerbRestart}, at(5*m + subSecond), ErrNoEffect, "this ice counts from 08:05 already"},
		{"restart at night", night, Action{Verb: VerbRestart}, at(16 * time.Hour), ErrNotNow, "quiet hours run until 07:00"},

		{"on-since during rest", ice, Action{Verb: VerbOnSince, Amount: m}, at(25 * m), ErrNotNow, "it is rest now"},
		{"on-since at night", night, Action{Verb: VerbOnSince, Amount: m}, at(16 * time.Hour), ErrNotNow, "it is night now"},
		{"on-since while paused", withEvents(ice, ev(Pause, 2*m)), Action{Verb: VerbOnSince, Amount: m}, at(5 * m), ErrNotNow, "resume it"},
		{"on-since before the last change", withEvents(ice, ev(Restart, 7*m)), Action{Verb: VerbOnSince, Amount: 9 * m}, at(10 * m), ErrOutsidePhase, "give at most 3 min"},
		{"on-since before a later phase began", ice, Action{Verb: VerbOnSince, Amount: 5 * m}, at(42 * m), ErrOutsidePhase, "this ice has run 2 min since 08:40: give at most 2 min"},
		{"on-since so long ago the phase is over", ice, Action{Verb: VerbOnSince, Amount: 25 * m}, at(10 * m), ErrOutsidePhase, "a 20 min ice on since 07:45 would have ended at 08:05: take the pack off now (skip) instead"},
		{"on-since the phase's own start", ice, Action{Verb: VerbOnSince, Amount: 5 * m}, at(5*m + subSecond), ErrNoEffect, "this ice counts from 08:00 already"},
		{"on-since a negative time ago", ice, Action{Verb: VerbOnSince, Amount: -m}, at(5 * m), ErrBadInput, "0s or more"},

		{"ack with the pack on", ice, Action{Verb: VerbAck}, at(5 * m), ErrNothingWaits, "no reminder is waiting"},
		{"ack twice", withEvents(ice, ev(Ack, 21*m)), Action{Verb: VerbAck}, at(22 * m), ErrNothingWaits, "no reminder is waiting"},
		{"ack after the person's skip", withEvents(ice, ev(Skip, 10*m)), Action{Verb: VerbAck}, at(11 * m), ErrNothingWaits, "no reminder is waiting"},
		{"ack long after the end", endsWithIce(t), Action{Verb: VerbAck}, at(71 * m), ErrNothingWaits, "no reminder is waiting"},

		{"pain off the scale", ice, Action{Verb: VerbPain, Score: 11}, at(5 * m), ErrBadInput, "off the scale"},
		{"pain below the scale", ice, Action{Verb: VerbPain, Score: -1}, at(5 * m), ErrBadInput, "from 0 (none) to 10"},
		{"pain with a control character", ice, Action{Verb: VerbPain, Score: 3, Note: "\x1b[2J"}, at(5 * m), ErrBadInput, "control character"},
		{"pain before the course", ice, Action{Verb: VerbPain, Score: 3, At: at(-m)}, at(5 * m), ErrBadInput, "pain at 07:59: want a time within the course, from 08:00 to now"},
		{"pain in the future", ice, Action{Verb: VerbPain, Score: 3, At: at(6 * m)}, at(5*m + subSecond), ErrBadInput, "from 08:00 to now"},
		{"pain before the start", ice, Action{Verb: VerbPain, Score: 3}, at(-m), ErrOutsideCourse, "the course starts at 08:00"},
		{"pain long after the end", done, Action{Verb: VerbPain, Score: 3}, at(41 * m), ErrOutsideCourse, "the course ended at 08:10: a pain score is taken until 30 min after it ends"},

		{"next-stage in the last stage", ice, Action{Verb: VerbNextStage}, at(5 * m), ErrLastStage, "no next stage"},
		{"pause once over", done, Action{Verb: VerbPause}, at(11 * m), ErrOutsideCourse, "the course ended at 08:10: start a new one"},
		{"stop once over", done, Action{Verb: VerbStop}, at(11 * m), ErrOutsideCourse, "ended at 08:10"},
		{"skip before the start", ice, Action{Verb: VerbSkip}, at(-m), ErrOutsideCourse, "the course starts at 08:00: nothing can change before then"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mustRefuse(t, tc.c, tc.a, tc.now, tc.kind, tc.says)
		})
	}
}

// What is not refused: while paused the pack is off, so more time is only
// capped; a clock set back before the start can still stop the course;
// the check-in after the last application belongs to the course.
func TestWhatIsNotRefused(t *testing.T) {
	long := courseOf(t, "ice 27m, rest 20m", 0)
	c := mustDo(t, withEvents(long, ev(Pause, 2*m)), Action{Verb: VerbExtend}, at(5*m))
	if s := c.StateAt(at(5 * m)); s.Length != MaxIce || s.Remaining != 28*m {
		t.Errorf("paused, + gives a %v countdown with %v left; want it capped at 30 min, 28 left", s.Length, s.Remaining)
	}
	if c := mustDo(t, long, Action{Verb: VerbStop}, at(-m)); !c.StateAt(at(0)).Done {
		t.Error("a stop before the start (a clock set back) did not end the course")
	}
	mustDo(t, endsWithIce(t), Action{Verb: VerbAck}, at(69*m))
}

func TestRefusalsAreToldApartByCode(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), extend(time.Minute, 10*m))
	_, err := c.Do(Action{Verb: VerbExtend}, at(2*m))
	if !errors.Is(err, ErrAtCap) || errors.Is(err, ErrNoEffect) || errors.Is(err, ErrLastStage) {
		t.Fatalf("%v: want an at-cap refusal and no other", err)
	}
	codes := map[string]bool{}
	for _, r := range []*Refusal{ErrAtCap, ErrLastStage, ErrNothingWaits, ErrOutsideCourse, ErrNotNow, ErrOutsidePhase, ErrNoEffect, ErrBadInput} {
		if r.Code == "" || r.Reason == "" || codes[r.Code] || strings.ContainsAny(r.Code, " _ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			t.Errorf("refusal %+v: want a short, unique, lower-case code and a reason", r)
		}
		codes[r.Code] = true
	}
}

// Do never writes into the arrays of the course it was given, even where
// they have room: a caller keeps that course when Do refuses, and the
// screen keeps the course it drew.
func TestDoLeavesTheCourseItWasGiven(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	c.Events = make([]Event, 1, 8)
	c.Events[0] = ev(Pause, m)
	c.Pain = make([]PainScore, 0, 8)
	next := mustDo(t, c, Action{Verb: VerbResume}, at(2*m))
	next = mustDo(t, next, Action{Verb: VerbPain, Score: 2}, at(3*m))
	if spare := c.Events[:2]; spare[1] != (Event{}) || c.Pain[:1][0] != (PainScore{}) {
		t.Fatalf("Do wrote into the given course's arrays: %+v, %+v", spare, c.Pain[:1])
	}
	if len(next.Events) != 2 || len(next.Pain) != 1 {
		t.Fatalf("the new course has %+v and %+v", next.Events, next.Pain)
	}
}

// A course at the bound of its events refuses one more, rather than
// becoming one that cannot be saved.
func TestDoKeepsTheCourseWithinCheck(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	for i := range MaxEvents {
		c.Events = append(c.Events, Event{Type: Ack, At: at(time.Duration(i) * time.Millisecond)})
	}
	mustRefuse(t, c, Action{Verb: VerbSkip}, at(5*m), ErrBadInput, "at most 100000")
}
