package ntfy_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/ntfy/ntfytest"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

var t0 = time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)

const secret = "tk_s3cr3t-never-shown"

// wait is how long a test waits for a result that must come; far longer
// than any of them takes, so that a slow machine does not fail it.
const wait = 10 * time.Second

func result(t *testing.T, c <-chan ntfy.Result) ntfy.Result {
	t.Helper()
	select {
	case r := <-c:
		return r
	case <-time.After(wait):
		t.Fatal("no result")
		return ntfy.Result{}
	}
}

func newPublisher(t *testing.T, cfg ntfy.Config, o ntfy.Options) *ntfy.Publisher {
	t.Helper()
	if o.Now == nil {
		o.Now = func() time.Time { return t0 }
	}
	p := ntfy.New(cfg, o)
	t.Cleanup(p.Close)
	return p
}

func removeIce(at time.Time) words.Reminder {
	r := words.Reminder{At: at, To: schedule.Rest}
	r.Title, r.Body, r.Urgent, r.Ack = "Remove the ice pack", "Rest 20 min.", true, "Pack is off"
	return r
}

func iceOn(at time.Time) words.Reminder {
	r := words.Reminder{At: at, To: schedule.Ice}
	r.Title, r.Body = "Put the ice pack on", "Ice 20 min."
	return r
}

func TestPublishSendsTheDocumentedHeaders(t *testing.T) {
	srv := ntfytest.New(t, "my-back", secret, func() time.Time { return t0 })
	p := newPublisher(t, srv.Config(), ntfy.Options{})
	if r := result(t, p.Publish(removeIce(t0))); !r.OK() {
		t.Fatal(r.Err)
	}
	if r := result(t, p.Publish(iceOn(t0))); !r.OK() {
		t.Fatal(r.Err)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2:\n%s", len(reqs), srv.Log())
	}
	for i, want := range []struct{ title, priority, tags string }{
		{"Remove the ice pack", "5", "rotating_light,icetimer"},
		{"Put the ice pack on", "3", "ice_cube,icetimer"},
	} {
		r := reqs[i]
		if r.Method != http.MethodPost || r.Path != "/my-back" || r.Refused != "" {
			t.Errorf("request %d: %s %s (%s), want an accepted POST /my-back", i, r.Method, r.Path, r.Refused)
		}
		h := r.Header
		if h.Get("Title") != want.title || h.Get("Priority") != want.priority || h.Get("Tags") != want.tags || h.Get("At") != "" {
			t.Errorf("request %d headers %v, want %+v and no At", i, h, want)
		}
		if h.Get("Authorization") != "Bearer "+secret {
			t.Errorf("request %d: Authorization %q", i, h.Get("Authorization"))
		}
	}
	if reqs[0].Body != "Rest 20 min." {
		t.Errorf("body %q", reqs[0].Body)
	}
}

func TestARepeatRingsAnewWithoutASequenceID(t *testing.T) {
	srv := ntfytest.New(t, "t", "", func() time.Time { return t0 })
	p := newPublisher(t, srv.Config(), ntfy.Options{})
	r := removeIce(t0)
	r.Repeat = 1
	result(t, p.Publish(r))
	if id := srv.Requests()[0].Header.Get("X-Sequence-ID"); id != "" {
		t.Fatalf("a repeat carries sequence ID %q: the phone would update, maybe silently", id)
	}
}

func TestNonASCIITitlesAreEncodedForTheHeader(t *testing.T) {
	srv := ntfytest.New(t, "t", "", func() time.Time { return t0 })
	p := newPublisher(t, srv.Config(), ntfy.Options{})
	r := iceOn(t0)
	r.Title = "Glace · 20 min"
	result(t, p.Publish(r))
	if got := srv.Requests()[0].Header.Get("Title"); !strings.HasPrefix(got, "=?utf-8?b?") {
		t.Fatalf("Title %q, want an RFC 2047 encoded word", got)
	}
}

// The scheduled message follows the plan: a new change replaces it (the
// old one deleted), new words for the same change republish it under the
// same ID, Cancel deletes it.
func TestScheduleKeepsOneMessageForTheNextChange(t *testing.T) {
	srv := ntfytest.New(t, "t", "", func() time.Time { return t0 })
	p := newPublisher(t, srv.Config(), ntfy.Options{})
	first, later := t0.Add(20*time.Minute), t0.Add(35*time.Minute)

	mustOK(t, p.Schedule(removeIce(first), first))
	assertScheduled(t, srv, first, "Remove the ice pack", "5")
	mustOK(t, p.Schedule(removeIce(first), first)) // nothing new: no request
	if n := len(srv.Requests()); n != 1 {
		t.Fatalf("%d requests after scheduling the same message twice, want 1:\n%s", n, srv.Log())
	}
	paused := removeIce(first)
	paused.Title = "Paused"
	paused.Urgent = false
	mustOK(t, p.Schedule(paused, first))
	assertScheduled(t, srv, first, "Paused", "3")

	mustOK(t, p.Schedule(removeIce(later), later))
	assertScheduled(t, srv, later, "Remove the ice pack", "5")
	reqs := srv.Requests()
	if del := reqs[len(reqs)-2]; del.Method != http.MethodDelete || del.Path != "/t/"+ntfy.SequenceID(first) {
		t.Fatalf("moving the change sent %s %s first, want DELETE of the old ID:\n%s", del.Method, del.Path, srv.Log())
	}

	mustOK(t, p.Cancel())
	if s := srv.Scheduled(); len(s) != 0 {
		t.Fatalf("after Cancel the server still holds %+v", s)
	}
	mustOK(t, p.Cancel()) // nothing scheduled: nothing to ask
	if last := srv.Requests()[len(srv.Requests())-1]; last.Method != http.MethodDelete {
		t.Fatalf("last request %s %s", last.Method, last.Path)
	}
}

// A change too close for ntfy (under 10 s) is not scheduled: the reminder
// at the change covers it, and the old one still goes.
func TestAChangeTooCloseIsNotScheduled(t *testing.T) {
	srv := ntfytest.New(t, "t", "", func() time.Time { return t0 })
	p := newPublisher(t, srv.Config(), ntfy.Options{})
	mustOK(t, p.Schedule(removeIce(t0.Add(time.Hour)), t0.Add(time.Hour)))
	mustOK(t, p.Schedule(iceOn(t0.Add(5*time.Second)), t0.Add(5*time.Second)))
	if s := srv.Scheduled(); len(s) != 0 {
		t.Fatalf("scheduled %+v, want none", s)
	}
	for _, r := range srv.Requests() {
		if r.Refused != "" {
			t.Fatalf("the server refused %s %s: %s", r.Method, r.Path, r.Refused)
		}
	}
}

// The reminder published at a change takes the place of the scheduled one
// (same ID); scheduling the next change afterwards must not DELETE it,
// which would take it off the phone.
func TestTheReminderAtAChangeIsNotDeletedAfterwards(t *testing.T) {
	now := t0
	srv := ntfytest.New(t, "t", "", func() time.Time { return now })
	p := newPublisher(t, srv.Config(), ntfy.Options{Now: func() time.Time { return now }})
	change := t0.Add(20 * time.Minute)
	mustOK(t, p.Schedule(removeIce(change), change))
	now = change.Add(-2 * time.Second) // this clock a little ahead of the server's
	mustOK(t, p.Publish(removeIce(change)))
	next := change.Add(20 * time.Minute)
	mustOK(t, p.Schedule(iceOn(next), next))
	for _, r := range srv.Requests() {
		if r.Method == http.MethodDelete {
			t.Fatalf("DELETE %s after the change was told:\n%s", r.Path, srv.Log())
		}
	}
	assertScheduled(t, srv, next, "Put the ice pack on", "3")
}

// A process that resumes a course cancels what the one before it left.
func TestInheritedMessageIsCancelled(t *testing.T) {
	srv := ntfytest.New(t, "t", "", func() time.Time { return t0 })
	change := t0.Add(20 * time.Minute)
	dead := ntfy.New(srv.Config(), ntfy.Options{Now: func() time.Time { return t0 }})
	mustOK(t, dead.Schedule(removeIce(change), change))
	// No Close: the process died.

	p := newPublisher(t, srv.Config(), ntfy.Options{})
	p.Inherit(change)
	mustOK(t, p.Cancel())
	if s := srv.Scheduled(); len(s) != 0 {
		t.Fatalf("the dead process's message is still scheduled: %+v", s)
	}
}

func TestTheTokenNeverAppearsInAnError(t *testing.T) {
	// A server (or proxy) that echoes the request's headers in its error.
	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte(`{"error":"forbidden for ` + r.Header.Get("Authorization") + `"}`))
	}))
	defer echo.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	for name, url := range map[string]string{"echoing": echo.URL, "unreachable": closed.URL} {
		p := newPublisher(t, ntfy.Config{URL: url, Topic: "t", Token: secret}, ntfy.Options{Timeout: wait})
		for _, c := range []<-chan ntfy.Result{p.Publish(removeIce(t0)), p.Schedule(iceOn(t0.Add(time.Hour)), t0.Add(time.Hour))} {
			r := result(t, c)
			if r.OK() {
				t.Fatalf("%s server: no error", name)
			}
			if msg := r.Err.Error(); strings.Contains(msg, secret) || strings.Contains(msg, "\n") {
				t.Fatalf("%s server: error shows the token or spans lines: %q", name, msg)
			}
		}
	}
	if s := (ntfy.Config{URL: "https://u:pw@ntfy.example", Topic: "t", Token: secret}).String(); strings.Contains(s, secret) || strings.Contains(s, "pw") {
		t.Fatalf("Config.String shows a secret: %s", s)
	}
}

// A server that never answers costs the caller nothing: calls return at
// once, results come at the timeout, and a full queue says so at once.
func TestAHangingServerNeverBlocksTheCaller(t *testing.T) {
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release
	}))
	defer hang.Close()
	defer close(release)
	p := newPublisher(t, ntfy.Config{URL: hang.URL, Topic: "t"}, ntfy.Options{Timeout: 200 * time.Millisecond, QueueSize: 1, CloseWait: 200 * time.Millisecond})
	start := time.Now()
	calls := []<-chan ntfy.Result{p.Publish(removeIce(t0)), p.Publish(iceOn(t0)), p.Publish(iceOn(t0)), p.Publish(iceOn(t0))}
	if took := time.Since(start); took > time.Second {
		t.Fatalf("four calls took %s: they blocked", took)
	}
	// The worker holds one and the queue one: at least two are refused, and
	// a refusal is answered before the call returns.
	refused := 0
	for _, c := range calls[1:] {
		select {
		case r := <-c:
			if r.Err != nil && strings.Contains(r.Err.Error(), "queue full") {
				refused++
			}
		default:
		}
	}
	if refused < 2 {
		t.Fatalf("%d calls refused at once, want at least 2", refused)
	}
	if r := result(t, calls[0]); r.OK() || !strings.Contains(r.Err.Error(), "no answer within") {
		t.Fatalf("hanging request: %v", r.Err)
	}
}

// A Cancel asked just before Close still reaches the server: `icetimer
// stop` exits right after it.
func TestCloseStillSendsWhatIsQueued(t *testing.T) {
	srv := ntfytest.New(t, "t", "", func() time.Time { return t0 })
	p := ntfy.New(srv.Config(), ntfy.Options{Now: func() time.Time { return t0 }})
	change := t0.Add(time.Hour)
	mustOK(t, p.Schedule(removeIce(change), change))
	cancelled := p.Cancel()
	p.Close()
	mustOK(t, cancelled)
	if s := srv.Scheduled(); len(s) != 0 {
		t.Fatalf("still scheduled after Cancel and Close: %+v", s)
	}
	if r := result(t, p.Publish(iceOn(t0))); r.OK() || !strings.Contains(r.Err.Error(), "closed") {
		t.Fatalf("publish after Close: %v", r.Err)
	}
}

func mustOK(t *testing.T, c <-chan ntfy.Result) {
	t.Helper()
	if r := result(t, c); !r.OK() {
		t.Fatal(r.Err)
	}
}

func assertScheduled(t *testing.T, srv *ntfytest.Server, at time.Time, title, priority string) {
	t.Helper()
	s := srv.Scheduled()
	if len(s) != 1 || !s[0].At.Equal(at) || s[0].Title != title || s[0].Priority != priority || s[0].ID != ntfy.SequenceID(at) {
		t.Fatalf("scheduled %+v, want one %q (priority %s) at %s\n%s", s, title, priority, at, srv.Log())
	}
}
