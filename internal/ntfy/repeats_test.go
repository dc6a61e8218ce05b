package ntfy_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/ntfy/ntfytest"
	"github.com/icetimer/icetimer/internal/words"
)

// clock is a wall clock a test moves by hand, shared by the publisher and
// the fake server.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// again is the first repeat of the removal at at, as words.Repeat words it.
func again(at time.Time) words.Reminder {
	r := removeIce(at)
	r.Title += " (again)"
	r.Repeat = 1
	return r
}

// When a remove reminder fires, its repeats up to the next change are
// scheduled on the server, each with its own sequence ID and the button
// that names the change; an acknowledgement deletes them all.
func TestRepeatsRingFromTheServer(t *testing.T) {
	c := &clock{now: t0}
	srv := ntfytest.New(t, "t", "", c.Now)
	p := newPublisher(t, srv.Config(), ntfy.Options{Now: c.Now})
	mustOK(t, p.Publish(removeIce(t0)))
	mustOK(t, p.ScheduleRepeats(again(t0), 2*time.Minute, t0.Add(20*time.Minute)))
	s := srv.Scheduled()
	if len(s) != 9 {
		t.Fatalf("%d repeats scheduled, want 9 (every 2 min before the change at 20 min)\n%s", len(s), srv.Log())
	}
	for i, m := range s {
		k := i + 1
		if !m.At.Equal(t0.Add(time.Duration(k)*2*time.Minute)) || m.ID != ntfy.SequenceID(t0)+"-"+string(rune('0'+k)) ||
			m.Priority != "5" || m.Title != "Remove the ice pack (again)" || !strings.Contains(m.Actions, "body="+ntfy.SequenceID(t0)+",") {
			t.Errorf("repeat %d: %+v", k, m)
		}
	}
	mustOK(t, p.ScheduleRepeats(again(t0), 2*time.Minute, t0.Add(20*time.Minute)))
	if n := len(srv.Requests()); n != 10 {
		t.Errorf("scheduling the same repeats again made %d requests in all, want the 10 of before", n)
	}

	c.set(t0.Add(5 * time.Minute)) // the person takes the pack off
	mustOK(t, p.CancelRepeats())
	if s := srv.Scheduled(); len(s) != 0 {
		t.Fatalf("still scheduled after CancelRepeats: %+v", s)
	}
	reqs := srv.Requests()
	for _, r := range reqs[len(reqs)-9:] {
		if r.Method != http.MethodDelete || !strings.HasPrefix(r.Path, "/t/"+ntfy.SequenceID(t0)+"-") {
			t.Fatalf("cancelling sent %s %s\n%s", r.Method, r.Path, srv.Log())
		}
	}
}

// While the server rings the repeats, the computer's own repeats of that
// change are not sent (the phone would ring twice); after the last one
// scheduled, or for another change, they are.
func TestTheComputersRepeatIsNotSentTwice(t *testing.T) {
	c := &clock{now: t0}
	srv := ntfytest.New(t, "t", "", c.Now)
	p := newPublisher(t, srv.Config(), ntfy.Options{Now: c.Now})
	mustOK(t, p.ScheduleRepeats(again(t0), 2*time.Minute, t0.Add(7*time.Minute)))
	if n := len(srv.Scheduled()); n != 3 {
		t.Fatalf("%d scheduled, want 3", n)
	}
	before := len(srv.Requests())
	c.set(t0.Add(2 * time.Minute))
	mustOK(t, p.Publish(again(t0)))
	other := again(t0.Add(time.Hour))
	mustOK(t, p.Publish(other))
	if got := srv.Requests()[before:]; len(got) != 1 || got[0].Header.Get("Title") != other.Title {
		t.Fatalf("sent %d requests, want only the repeat of the other change\n%s", len(got), srv.Log())
	}
	c.set(t0.Add(6*time.Minute + 10*time.Second)) // past the last one the server rings
	mustOK(t, p.Publish(again(t0)))
	if n := len(srv.Requests()); n != before+2 {
		t.Fatalf("a repeat after the server's last was not sent\n%s", srv.Log())
	}
}

// The server rings at most once a minute and MaxRepeats times; a repeat
// too close to its time for ntfy is left to the computer, and repeats for
// a new change replace those of the old one.
func TestRepeatBounds(t *testing.T) {
	c := &clock{now: t0}
	srv := ntfytest.New(t, "t", "", c.Now)
	p := newPublisher(t, srv.Config(), ntfy.Options{Now: c.Now})
	mustOK(t, p.ScheduleRepeats(again(t0), time.Second, t0.Add(2*time.Hour)))
	s := srv.Scheduled()
	if len(s) != ntfy.MaxRepeats || !s[0].At.Equal(t0.Add(time.Minute)) || !s[len(s)-1].At.Equal(t0.Add(ntfy.MaxRepeats*time.Minute)) {
		t.Fatalf("repeat every second for 2 h: %d scheduled, from %v to %v", len(s), s[0].At, s[len(s)-1].At)
	}

	next := t0.Add(40 * time.Minute)
	c.set(next.Add(time.Minute + 55*time.Second)) // a driver that took over late
	mustOK(t, p.ScheduleRepeats(again(next), 2*time.Minute, next.Add(9*time.Minute)))
	s = srv.Scheduled()
	if len(s) != 3 || !s[0].At.Equal(next.Add(4*time.Minute)) {
		t.Fatalf("scheduled %+v, want only the new change's repeats at 4, 6 and 8 min (2 min is 5 s away)\n%s", s, srv.Log())
	}
}

// A server that never answers costs one timeout, not one per repeat, and
// the failure is one line.
func TestRepeatsOnADeadServerFailOnce(t *testing.T) {
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	defer hang.Close()
	defer close(release)
	const timeout = 300 * time.Millisecond
	p := newPublisher(t, ntfy.Config{URL: hang.URL, Topic: "t"}, ntfy.Options{Timeout: timeout, CloseWait: timeout})
	r := result(t, p.ScheduleRepeats(again(t0), 2*time.Minute, t0.Add(20*time.Minute)))
	t.Logf("failed after %s: %v", r.Took, r.Err)
	if r.OK() || strings.Contains(r.Err.Error(), "\n") || r.Took > 9*timeout/2 { // one per repeat would be 9
		t.Fatalf("scheduling 9 repeats on a dead server: %v after %s (timeout %s)", r.Err, r.Took, timeout)
	}
}

// The loop the driver closes, at this package's edge: a remove reminder
// with its repeats on the server, the button pressed twenty times (once for
// each of twenty changes), each reply in well under 2 s (median and worst
// printed), and CancelRepeats taking the repeats off the server.
func TestFromThePressToTheRepeatsDeleted(t *testing.T) {
	c := &clock{now: t0}
	srv := ntfytest.New(t, "my-back", secret, c.Now)
	p := newPublisher(t, srv.Config(), ntfy.Options{Now: c.Now})
	l := ntfy.NewListener(srv.Config(), fast)
	replies := listen(t, l, ntfy.SinceTime(t0))
	var took []time.Duration
	for i := range 20 {
		change := t0.Add(time.Duration(i) * 40 * time.Minute)
		c.set(change)
		mustOK(t, p.Publish(removeIce(change)))
		mustOK(t, p.ScheduleRepeats(again(change), 2*time.Minute, change.Add(20*time.Minute)))
		l.SetWaiting(change)
		pressed := time.Now()
		if err := srv.Press(context.Background(), len(srv.Requests())-10, "Pack is off"); err != nil {
			t.Fatal(err)
		}
		r, _ := applied(t, replies)
		took = append(took, time.Since(pressed))
		if !r.Change.Equal(change) {
			t.Fatalf("press %d: applied %+v", i, r)
		}
		mustOK(t, p.CancelRepeats())
		if s := srv.Scheduled(); len(s) != 0 {
			t.Fatalf("press %d: still scheduled %+v", i, s)
		}
	}
	slices.Sort(took)
	t.Logf("from the press to the reply: median %s, worst %s (20 presses)", took[len(took)/2], took[len(took)-1])
	if took[len(took)-1] > 2*time.Second {
		t.Errorf("a reply took %s, over 2 s", took[len(took)-1])
	}
}

// Repeats an earlier process left are deleted by the next CancelRepeats,
// every one of them, whatever step they were scheduled at; the computer's
// own repeat is still sent, their times being unknown.
func TestInheritedRepeatsAreDeleted(t *testing.T) {
	c := &clock{now: t0}
	srv := ntfytest.New(t, "t", "", c.Now)
	dead := newPublisher(t, srv.Config(), ntfy.Options{Now: c.Now})
	mustOK(t, dead.ScheduleRepeats(again(t0), 3*time.Minute, t0.Add(20*time.Minute)))
	if n := len(srv.Scheduled()); n != 6 {
		t.Fatalf("%d scheduled, want 6", n)
	}
	c.set(t0.Add(4 * time.Minute))
	next := newPublisher(t, srv.Config(), ntfy.Options{Now: c.Now})
	next.InheritRepeats(t0)
	before := len(srv.Requests())
	mustOK(t, next.Publish(again(t0)))
	if len(srv.Requests()) != before+1 {
		t.Fatalf("the computer's repeat was held back for repeats of unknown times\n%s", srv.Log())
	}
	mustOK(t, next.CancelRepeats())
	if s := srv.Scheduled(); len(s) != 0 {
		t.Fatalf("still scheduled after CancelRepeats of inherited repeats: %+v", s)
	}
	if n := len(srv.Requests()) - before - 1; n != ntfy.MaxRepeats {
		t.Errorf("%d deletes, want one per repeat that may be there (%d)", n, ntfy.MaxRepeats)
	}
}
