package ntfy_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/ntfy/ntfytest"
)

// fast are listener options for tests: short pauses, every report shown.
var fast = ntfy.ListenOptions{Timeout: wait, MinBackoff: 20 * time.Millisecond, MaxBackoff: 200 * time.Millisecond, ReportEvery: time.Nanosecond}

// listen starts l from since until the test ends.
func listen(t *testing.T, l *ntfy.Listener, since string) <-chan ntfy.Reply {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	c := l.Listen(ctx, since)
	t.Cleanup(func() {
		cancel()
		for range c { // it closes once the stream has stopped
		}
	})
	return c
}

// applied waits for the next reply to apply; the ones not to apply that
// come first are returned too.
func applied(t *testing.T, c <-chan ntfy.Reply) (ntfy.Reply, []ntfy.Reply) {
	t.Helper()
	var ignored []ntfy.Reply
	deadline := time.After(wait)
	for {
		select {
		case r := <-c:
			if r.Err == nil {
				return r, ignored
			}
			ignored = append(ignored, r)
		case <-deadline:
			t.Fatalf("no reply to apply within %s; ignored: %v", wait, ignored)
		}
	}
}

// noneApplied fails when a reply to apply comes within d, and returns the
// ones not to apply that did.
func noneApplied(t *testing.T, c <-chan ntfy.Reply, d time.Duration) []ntfy.Reply {
	t.Helper()
	var ignored []ntfy.Reply
	deadline := time.After(d)
	for {
		select {
		case r := <-c:
			if r.Err == nil {
				t.Fatalf("applied %+v, which must not be", r)
			}
			ignored = append(ignored, r)
		case <-deadline:
			return ignored
		}
	}
}

// ignoredN waits for n replies not to apply, and fails on one to apply.
func ignoredN(t *testing.T, c <-chan ntfy.Reply, n int) []ntfy.Reply {
	t.Helper()
	var ignored []ntfy.Reply
	deadline := time.After(wait)
	for len(ignored) < n {
		select {
		case r := <-c:
			if r.Err == nil {
				t.Fatalf("applied %+v, which must not be", r)
			}
			ignored = append(ignored, r)
		case <-deadline:
			t.Fatalf("%d replies not to apply within %s, want %d:\n%s", len(ignored), wait, n, errs(ignored))
		}
	}
	return ignored
}

// reply posts body on the reply topic, as a phone (or anyone who has the
// topic) would.
func reply(t *testing.T, srv *ntfytest.Server, body string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/"+srv.Config().ReplyTopic(), strings.NewReader(body))
	if srv.Token != "" {
		req.Header.Set("Authorization", "Bearer "+srv.Token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("posting a reply: %v %v", resp, err)
	}
	resp.Body.Close()
}

// The phone's button, pressed, reaches the driver as a reply to apply,
// once: a second press is reported and not applied.
func TestPressingTheButtonAcknowledges(t *testing.T) {
	srv := ntfytest.New(t, "my-back", secret, func() time.Time { return t0 })
	p := newPublisher(t, srv.Config(), ntfy.Options{})
	mustOK(t, p.Publish(removeIce(t0)))
	l := ntfy.NewListener(srv.Config(), fast)
	l.SetWaiting(t0)
	c := listen(t, l, ntfy.SinceTime(t0))
	for deadline := time.Now().Add(wait); srv.Subscriptions() == 0; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the listener did not subscribe")
		}
	}
	pressed := time.Now()
	if err := srv.Press(context.Background(), 0, "Pack is off"); err != nil {
		t.Fatal(err)
	}
	r, ignored := applied(t, c)
	t.Logf("from the press to the reply: %s", time.Since(pressed))
	msgs := srv.Messages("my-back-ack")
	if !r.Change.Equal(t0) || r.ID != msgs[0].ID || !r.At.Equal(t0) || len(ignored) != 0 || l.LastID() != r.ID {
		t.Fatalf("reply %+v (ignored %v, last ID %q), want the change at %s, message %s", r, ignored, l.LastID(), t0, msgs[0].ID)
	}
	if err := srv.Press(context.Background(), 0, "Pack is off"); err != nil {
		t.Fatal(err)
	}
	again := ignoredN(t, c, 1)
	if !strings.Contains(again[0].Err.Error(), "second acknowledgement") {
		t.Fatalf("a second press: %v", again)
	}
}

// A reply sent while no driver listened is applied by the next one, which
// picks up after the last message the one before saw: nothing is lost and
// nothing is told twice.
func TestTheNextDriverAppliesAReplySentWhileNoneRan(t *testing.T) {
	srv := ntfytest.New(t, "my-back", "", func() time.Time { return t0 })
	p := newPublisher(t, srv.Config(), ntfy.Options{})
	first, second := t0, t0.Add(40*time.Minute)
	mustOK(t, p.Publish(removeIce(first)))
	mustOK(t, p.Publish(removeIce(second)))

	ctx, cancel := context.WithCancel(context.Background())
	a := ntfy.NewListener(srv.Config(), fast)
	a.SetWaiting(first)
	ca := a.Listen(ctx, ntfy.SinceTime(t0))
	if err := srv.Press(context.Background(), 0, "Pack is off"); err != nil {
		t.Fatal(err)
	}
	r, _ := applied(t, ca)
	saved := r.ID
	cancel()
	for range ca {
	}

	if err := srv.Press(context.Background(), 1, "Pack is off"); err != nil { // no driver runs
		t.Fatal(err)
	}
	b := ntfy.NewListener(srv.Config(), fast)
	b.SetWaiting(second)
	cb := listen(t, b, saved)
	r, ignored := applied(t, cb)
	if !r.Change.Equal(second) || len(ignored) != 0 {
		t.Fatalf("the next driver: %+v, ignored %v; want the change at %s alone", r, ignored, second)
	}
	if more := noneApplied(t, cb, 300*time.Millisecond); len(more) != 0 {
		t.Fatalf("the first reply came again: %v", more)
	}
}

// Replies that name no reminder that waits are reported, one line each,
// and never applied: a reminder that is not waiting (already over), a
// message that is not ours.
func TestRepliesThatMustNotBeApplied(t *testing.T) {
	srv := ntfytest.New(t, "t", "", func() time.Time { return t0 })
	l := ntfy.NewListener(srv.Config(), fast)
	l.SetWaiting(t0.Add(time.Hour))
	c := listen(t, l, ntfy.SinceTime(t0))
	for _, body := range []string{ntfy.SequenceID(t0), "hello", "icetimer-", "icetimer-12x", "icetimer-99999999999999999999"} {
		reply(t, srv, body)
	}
	ignored := ignoredN(t, c, 5)
	if !strings.Contains(ignored[0].Err.Error(), "not waiting") || !strings.Contains(ignored[1].Err.Error(), "not an acknowledgement") {
		t.Fatalf("ignored:\n%s\nwant the first for a reminder not waiting, then not acknowledgements", errs(ignored))
	}
	l.SetWaiting() // nothing waits any more
	reply(t, srv, ntfy.SequenceID(t0.Add(time.Hour)))
	ignoredN(t, c, 1)
	noneApplied(t, c, 200*time.Millisecond)
}

// rawStream is a server that answers every subscription with what serve
// writes, and keeps the since of each.
type rawStream struct {
	*httptest.Server
	sinces chan string
}

func newRawStream(t *testing.T, serve func(w http.ResponseWriter, r *http.Request, n int)) *rawStream {
	s := &rawStream{sinces: make(chan string, 1000)}
	var n atomic.Int32
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.sinces <- r.URL.Query().Get("since"):
		default:
		}
		serve(w, r, int(n.Add(1)))
	}))
	t.Cleanup(func() {
		s.CloseClientConnections()
		s.Close()
	})
	return s
}

// A stream of garbage: lines that are not JSON, a line longer than 8 KiB,
// a message with an ID ntfy never makes, one for another topic. Only the
// one real reply is applied, and the next stream picks up after it, not
// after the made-up ID.
func TestGarbageOnTheStream(t *testing.T) {
	want := t0.Add(20 * time.Minute)
	srv := newRawStream(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n > 1 {
			w.Write([]byte(`{"id":"open00000002","time":1,"event":"open","topic":"t-ack"}` + "\n"))
			w.(http.Flusher).Flush()
			<-r.Context().Done() // until the test ends
			return
		}
		for _, line := range []string{
			`{"id":"open00000001","time":1,"event":"open","topic":"t-ack"}`,
			`not json at all`,
			`{"id":"aaaaaaaaaaaa","event":"message","topic":"t-ack","message":` + strings.Repeat("x", 9000) + `}`,
			`{"id":"realreply001","time":1795249200,"event":"message","topic":"t-ack","message":"` + ntfy.SequenceID(want) + `"}`,
			`{"id":"1","time":2,"event":"message","topic":"t-ack","message":"` + ntfy.SequenceID(want) + `"}`,
			`{"id":"othertopic01","time":3,"event":"message","topic":"t","message":"` + ntfy.SequenceID(want) + `"}`,
			`{"id":"bbbbbbbbbbbb","event":"keepalive","topic":"t-ack"}`,
			`{"id":"cccccccccccc","event":"message_delete","topic":"t-ack","sequence_id":"x"}`,
		} {
			w.Write([]byte(line + "\n"))
		}
	})
	l := ntfy.NewListener(ntfy.Config{URL: srv.URL, Topic: "t", Ack: true}, fast)
	l.SetWaiting(want)
	c := listen(t, l, "all")
	r, ignored := applied(t, c)
	if !r.Change.Equal(want) || r.ID != "realreply001" {
		t.Fatalf("applied %+v", r)
	}
	ignored = append(ignored, ignoredN(t, c, 5-len(ignored))...)
	t.Logf("reported:\n%s", errs(ignored))
	for i, want := range []string{"not ntfy's JSON", "longer than 8 KiB", "a bad ID or another topic", "a bad ID or another topic", "ended the stream"} {
		if !strings.Contains(ignored[i].Err.Error(), want) {
			t.Errorf("report %d: %v, want %q", i, ignored[i].Err, want)
		}
	}
	if first, next := <-srv.sinces, <-srv.sinces; first != "all" || next != "realreply001" {
		t.Errorf("the streams asked since %q, then %q; want all, then the real reply's ID", first, next)
	}
}

// A redirect on the subscription is a trouble line, and the token never
// goes to the other server.
func TestTheSubscriptionDoesNotFollowRedirects(t *testing.T) {
	elsewhere := newRecorder(t)
	redirecting := httptest.NewServer(http.RedirectHandler(elsewhere.URL+"/t-ack/json", http.StatusFound))
	defer redirecting.Close()
	l := ntfy.NewListener(ntfy.Config{URL: redirecting.URL, Topic: "t", Token: secret, Ack: true}, fast)
	c := listen(t, l, "all")
	troubles := noneApplied(t, c, 300*time.Millisecond)
	if len(troubles) == 0 || !strings.Contains(troubles[0].Err.Error(), "302 Found") || strings.Contains(troubles[0].Err.Error(), secret) {
		t.Fatalf("troubles %v", troubles)
	}
	if n := len(elsewhere.requests()); n != 0 {
		t.Fatalf("the server redirected to was asked %d times", n)
	}
}

// errs is what the replies' Errs say, a line each.
func errs(rs []ntfy.Reply) string {
	var lines []string
	for _, r := range rs {
		lines = append(lines, fmt.Sprint(r.Err))
	}
	return strings.Join(lines, "\n")
}
