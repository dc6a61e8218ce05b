package session

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/ntfy/ntfytest"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// What a driver keeps up follows the course: the computer awake while a
// pack is on and until its removal is acknowledged, the phone's server
// ringing the removal's repeats while it waits (with repeats on).
func TestAttendance(t *testing.T) {
	m := time.Minute
	c := iceCourse(testStart) // ice 08:00-08:20, rest to 08:40, ice...
	with := func(events ...schedule.Event) schedule.Course {
		d := c
		d.Events = events
		return d
	}
	at := func(d time.Duration) time.Time { return testStart.Add(d) }
	for _, tc := range []struct {
		name   string
		c      schedule.Course
		now    time.Time
		repeat time.Duration
		hold   bool
		waits  bool
		nag    bool
	}{
		{"ice on", c, at(5 * m), 2 * m, true, false, false},
		{"the removal waits", c, at(21 * m), 2 * m, true, true, true},
		{"the removal waits, repeats off", c, at(21 * m), -1, true, true, false},
		{"the removal acknowledged", with(schedule.Event{Type: schedule.Ack, At: at(22 * m)}), at(23 * m), 2 * m, false, false, false},
		{"the removal waits to the next change", c, at(40*m - time.Second), 2 * m, true, true, true},
		{"the next ice on", c, at(41 * m), 2 * m, true, false, false},
		{"paused during ice", with(schedule.Event{Type: schedule.Pause, At: at(5 * m)}), at(6 * m), 2 * m, false, false, false},
		{"stopped", with(schedule.Event{Type: schedule.Stop, At: at(5 * m)}), at(6 * m), 2 * m, false, false, false},
	} {
		a := attendanceAt(tc.c, tc.now, tc.repeat)
		if a.hold != tc.hold || a.waits != tc.waits || a.nag != tc.nag || a.hold && a.pack != schedule.Ice {
			t.Errorf("%s: %+v, want hold %t, waits %t, nag %t", tc.name, a, tc.hold, tc.waits, tc.nag)
		}
	}
}

// waitLong bounds what a test waits for: far longer than anything takes.
const waitLong = 10 * time.Second

// loop is a driving session for a test, with the phone's replies and its
// repeats on a fake ntfy server: the test plays the driver's loop
// (applyNext) and moves the clock.
type loop struct {
	t      *testing.T
	s      *Session
	srv    *ntfytest.Server
	clock  *fakeClock
	course schedule.Course
}

func openLoop(t *testing.T, dir string, srv *ntfytest.Server, clock *fakeClock, o Options) *loop {
	t.Helper()
	o.Clock, o.Serve, o.Repeat = clock.Now, true, 2*time.Minute
	o.Notifier = newHeldNotifierAnswering()
	o.Phone = ntfy.New(srv.Config(), ntfy.Options{Now: clock.Now})
	o.Replies = ntfy.NewListener(srv.Config(), ntfy.ListenOptions{MinBackoff: 50 * time.Millisecond, ReportEvery: time.Millisecond})
	s, err := Open(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return &loop{t: t, s: s, srv: srv, clock: clock}
}

// start starts c, and waits until its first removal is scheduled on the
// server, before the test moves the clock.
func (l *loop) start(c schedule.Course) {
	l.t.Helper()
	l.course = c
	if err := l.s.Start(c); err != nil {
		l.t.Fatal(err)
	}
	l.until("the first removal scheduled", func() bool {
		s := l.srv.Scheduled()
		return len(s) == 1 && s[0].ID == ntfy.SequenceID(c.Start.Add(20*time.Minute))
	})
}

// remind sends the reminder for the change at at, at its instant.
func (l *loop) remind(at time.Time) {
	l.clock.Set(at)
	ts := []schedule.Transition{}
	for t := range l.course.Changes(at) {
		ts = append(ts, t)
		break
	}
	<-l.s.Remind(words.For(l.course, ts, l.course.StateAt(at), time.UTC), at)
}

// applyNext applies the next request, as the driver's loop does, and
// returns who asked.
func (l *loop) applyNext() string {
	l.t.Helper()
	select {
	case req := <-l.s.Requests():
		next, err := l.s.Handle(req, l.course)
		if err == nil {
			l.course = next
		}
		return req.From
	case <-time.After(waitLong):
		l.t.Fatal("no request reached the driver")
		return ""
	}
}

// until waits for ok, saying what the server holds when it never comes.
func (l *loop) until(what string, ok func() bool) {
	l.t.Helper()
	for deadline := time.Now().Add(waitLong); !ok(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			l.t.Fatalf("no %s within %s:\n%s", what, waitLong, l.srv.Log())
		}
	}
}

// repeats counts the removal's repeats the server has still to ring (the
// fake server never delivers: those due are on the phone).
func (l *loop) repeats(change time.Time) int {
	n := 0
	for _, m := range l.srv.Scheduled() {
		if strings.HasPrefix(m.ID, ntfy.SequenceID(change)+"-") && m.At.After(l.clock.Now()) {
			n++
		}
	}
	return n
}

// press taps the button labelled label on the reminder for the change at
// change, as the phone does.
func (l *loop) press(change time.Time, label string) {
	l.t.Helper()
	// The phone publishes on a worker of its own: the reminder may reach
	// the server a little after Remind has answered.
	published := -1
	l.until(fmt.Sprintf("reminder for %v published", change), func() bool {
		for i, r := range l.srv.Requests() {
			if r.Header.Get("X-Sequence-ID") == ntfy.SequenceID(change) && r.Header.Get("At") == "" {
				published = i
				return true
			}
		}
		return false
	})
	if err := l.srv.Press(context.Background(), published, label); err != nil {
		l.t.Fatal(err)
	}
}

// The loop closed: a remove reminder fires and its repeats go to the
// phone's server; the phone's button reaches the driver as a request from
// the phone, whose save deletes the repeats and records the reply as read;
// a second press is one trouble line, and changes nothing.
func TestThePhonesButtonAcknowledges(t *testing.T) {
	clock := &fakeClock{now: testStart}
	srv := ntfytest.New(t, "my-back", "tk_test", clock.Now)
	l := openLoop(t, t.TempDir(), srv, clock, Options{})
	l.start(iceCourse(testStart))
	removal := testStart.Add(20 * time.Minute)
	l.remind(removal)
	l.until("repeats of the removal on the server", func() bool { return l.repeats(removal) == 9 })

	l.press(removal, "Pack is off")
	if from := l.applyNext(); from != "the phone" {
		t.Fatalf("a request from %q, want the phone", from)
	}
	if _, waits := l.course.Waiting(clock.Now()); waits {
		t.Fatal("the removal still waits after the phone's button")
	}
	l.until("the repeats deleted", func() bool { return l.repeats(removal) == 0 })
	l.until("the reply recorded as read", func() bool {
		id, ok := l.s.Store().Replied(testStart)
		replies := srv.Messages("my-back-ack")
		return ok && len(replies) == 1 && id == replies[0].ID
	})

	l.press(removal, "Pack is off")
	select {
	case err := <-l.s.Troubles():
		if !strings.Contains(err.Error(), "ignored a second acknowledgement") {
			t.Fatalf("trouble %v, want the second press ignored", err)
		}
	case <-time.After(waitLong):
		t.Fatal("a second press said nothing")
	}
	select {
	case req := <-l.s.Requests():
		t.Fatalf("a second press reached the driver: %+v", req)
	default:
	}
}

// The button pressed while no icetimer ran: the next driver applies it,
// once it knows the reminder still waits; the repeats it scheduled again
// on taking over are deleted.
func TestAPressWhileNothingRanIsAppliedByTheNextDriver(t *testing.T) {
	clock := &fakeClock{now: testStart}
	srv := ntfytest.New(t, "my-back", "", clock.Now)
	dir := t.TempDir()
	first := openLoop(t, dir, srv, clock, Options{})
	first.start(iceCourse(testStart))
	removal := testStart.Add(20 * time.Minute)
	first.remind(removal)
	first.until("repeats of the removal on the server", func() bool { return first.repeats(removal) == 9 })
	first.s.Close() // the repeats stay: the phone keeps asking

	clock.Set(removal.Add(3 * time.Minute))
	first.press(removal, "Pack is off")

	next := openLoop(t, dir, srv, clock, Options{})
	r, err := next.s.Resume()
	if err != nil {
		t.Fatal(err)
	}
	next.course = r.Course
	if from := next.applyNext(); from != "the phone" {
		t.Fatalf("a request from %q, want the phone", from)
	}
	if _, waits := next.course.Waiting(clock.Now()); waits {
		t.Fatal("the removal still waits after the press")
	}
	next.until("the repeats deleted", func() bool { return next.repeats(removal) == 0 })
}

// `icetimer ack` while no icetimer drives (the driver died as the removal
// waited): the command deletes the repeats that driver left on the
// phone's server.
func TestACommandDeletesTheRepeatsADeadDriverLeft(t *testing.T) {
	clock := &fakeClock{now: testStart}
	srv := ntfytest.New(t, "my-back", "", clock.Now)
	dir := t.TempDir()
	driver := openLoop(t, dir, srv, clock, Options{})
	driver.start(iceCourse(testStart))
	removal := testStart.Add(20 * time.Minute)
	driver.remind(removal)
	driver.until("repeats of the removal on the server", func() bool { return driver.repeats(removal) == 9 })
	driver.s.Close()

	clock.Set(removal.Add(3 * time.Minute))
	cmd, err := Open(dir, Options{Clock: clock.Now, Phone: ntfy.New(srv.Config(), ntfy.Options{Now: clock.Now})})
	if err != nil {
		t.Fatal(err)
	}
	defer cmd.Close()
	if _, err := cmd.Apply(schedule.Action{Verb: schedule.VerbAck}); err != nil {
		t.Fatal(err)
	}
	driver.until("the repeats deleted", func() bool { return driver.repeats(removal) == 0 })
}

// A put-on that asks "Is it on?" carries the phone's "It's on" button
// (the label follows what waits); its press confirms the put-on.
func TestItsOnFromThePhone(t *testing.T) {
	clock := &fakeClock{now: testStart}
	srv := ntfytest.New(t, "my-back", "", clock.Now)
	l := openLoop(t, t.TempDir(), srv, clock, Options{})
	c := iceCourse(testStart)
	c.ConfirmPutOn = true
	l.start(c)
	l.remind(testStart)
	if w, waits := l.course.Waiting(clock.Now()); !waits || !w.At.Equal(testStart) {
		t.Fatalf("the put-on does not wait: %v %v", w, waits)
	}
	l.press(testStart, "It's on")
	if from := l.applyNext(); from != "the phone" {
		t.Fatalf("a request from %q, want the phone", from)
	}
	if _, waits := l.course.Waiting(clock.Now()); waits || len(l.course.Events) != 1 || l.course.Events[0].Type != schedule.Confirm {
		t.Fatalf("after the press: events %+v, want the put-on confirmed", l.course.Events)
	}
}
