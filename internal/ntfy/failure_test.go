package ntfy_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy"
)

// recorder is a server that answers 200 to everything and keeps what it
// was asked: the place a redirect points to.
type recorder struct {
	*httptest.Server
	mu   sync.Mutex
	seen []*http.Request
}

func newRecorder(t *testing.T) *recorder {
	r := &recorder{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.seen = append(r.seen, req.Clone(req.Context()))
		r.mu.Unlock()
		w.Write([]byte(`{"id":"abcdefghijkl","event":"message"}`))
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *recorder) requests() []*http.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seen
}

// Go follows a 302 to a POST with a GET, which the other server answers 200
// to: the push was lost and nothing said so (issue 23). Every redirect is a
// failure now, for a publish and a delete alike, and the token never
// reaches the other server.
func TestARedirectIsAFailureAndTheTokenStaysHome(t *testing.T) {
	elsewhere := newRecorder(t)
	for _, code := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		redirecting := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, elsewhere.URL+r.URL.Path, code)
		}))
		p := newPublisher(t, ntfy.Config{URL: redirecting.URL, Topic: "t", Token: secret}, ntfy.Options{Timeout: wait})
		p.Inherit(t0.Add(time.Hour)) // so that Cancel sends a DELETE
		for what, c := range map[string]<-chan ntfy.Result{"publish": p.Publish(removeIce(t0)), "delete": p.Cancel()} {
			r := result(t, c)
			if r.OK() {
				t.Fatalf("%d answer to a %s: accepted", code, what)
			}
			msg := r.Err.Error()
			if !strings.Contains(msg, http.StatusText(code)) || !strings.Contains(msg, "redirects are not followed") || strings.Contains(msg, secret) {
				t.Errorf("%d answer to a %s: %q, want the status, that it was not followed, and no token", code, what, msg)
			}
			t.Logf("%d, %s: %s", code, what, msg)
		}
		redirecting.Close()
	}
	if got := elsewhere.requests(); len(got) != 0 {
		t.Fatalf("the server redirected to was asked %d times (%s %s, Authorization %q): a redirect was followed",
			len(got), got[0].Method, got[0].URL, got[0].Header.Get("Authorization"))
	}
}

// A client given by the caller keeps its settings but never follows a
// redirect either.
func TestAGivenClientDoesNotFollowRedirectsEither(t *testing.T) {
	elsewhere := newRecorder(t)
	redirecting := httptest.NewServer(http.RedirectHandler(elsewhere.URL+"/t", http.StatusFound))
	defer redirecting.Close()
	given := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return nil }}
	p := newPublisher(t, ntfy.Config{URL: redirecting.URL, Topic: "t", Token: secret}, ntfy.Options{Client: given})
	if r := result(t, p.Publish(removeIce(t0))); r.OK() || len(elsewhere.requests()) != 0 {
		t.Fatalf("publish through a redirect: %v, %d requests elsewhere", r.Err, len(elsewhere.requests()))
	}
}

// A server error is a failure that says what the server said.
func TestAServerErrorIsAFailure(t *testing.T) {
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte(`{"code":50001,"http":500,"error":"internal server error"}`))
	}))
	defer broken.Close()
	p := newPublisher(t, ntfy.Config{URL: broken.URL, Topic: "t"}, ntfy.Options{})
	p.Inherit(t0.Add(time.Hour))
	for what, c := range map[string]<-chan ntfy.Result{"publish": p.Publish(removeIce(t0)), "delete": p.Cancel()} {
		r := result(t, c)
		if r.OK() || !strings.Contains(r.Err.Error(), "500 Internal Server Error") || !strings.Contains(r.Err.Error(), "internal server error") {
			t.Errorf("%s answered 500: %v", what, r.Err)
		}
	}
}

// A 200 that is not ntfy's answer (a captive portal's page) published
// nothing: a failure too.
func TestAnAnswerThatIsNotNtfysIsAFailure(t *testing.T) {
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html><body>Accept the terms to use this network</body></html>"))
	}))
	defer portal.Close()
	p := newPublisher(t, ntfy.Config{URL: portal.URL, Topic: "t"}, ntfy.Options{})
	r := result(t, p.Publish(removeIce(t0)))
	if r.OK() || !strings.Contains(r.Err.Error(), "not ntfy's") {
		t.Fatalf("a captive portal's 200: %v", r.Err)
	}
}

// A server that takes the request and never answers costs one timeout per
// request, for a publish and a delete alike.
func TestAServerThatNeverAnswersFailsAtTheTimeout(t *testing.T) {
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	defer hang.Close()
	defer close(release)
	const timeout = 300 * time.Millisecond
	p := newPublisher(t, ntfy.Config{URL: hang.URL, Topic: "t"}, ntfy.Options{Timeout: timeout, CloseWait: timeout})
	p.Inherit(t0.Add(time.Hour))
	for what, c := range map[string]<-chan ntfy.Result{"publish": p.Publish(removeIce(t0)), "delete": p.Cancel()} {
		r := result(t, c)
		if r.OK() || !strings.Contains(r.Err.Error(), "no answer within 300ms") {
			t.Errorf("%s to a server that never answers: %v", what, r.Err)
		}
		t.Logf("%s: failed after %s (timeout %s)", what, r.Took, timeout)
	}
}
