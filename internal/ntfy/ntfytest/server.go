// Package ntfytest is a fake ntfy server for tests: it checks each request
// against ntfy's documented publish API (POST URL/TOPIC with Title,
// Priority, Tags, At and X-Sequence-ID; DELETE URL/TOPIC/SEQUENCE-ID),
// refuses what a real server would refuse, and keeps the scheduled
// messages as a server from 2026 does: one per sequence ID, replaced by a
// publish with the same ID, dropped by a DELETE.
package ntfytest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy"
)

// Request is one request the server received, as the report shows it.
type Request struct {
	Method, Path string
	Header       http.Header
	Body         string
	// Refused is why the server answered 4xx; empty when it accepted.
	Refused string
}

// Scheduled is a message waiting on the server for its time.
type Scheduled struct {
	ID       string
	At       time.Time
	Title    string
	Priority string
}

// Server is a fake ntfy server on the loopback interface.
type Server struct {
	*httptest.Server
	Topic, Token string
	now          func() time.Time

	mu        sync.Mutex
	requests  []Request
	scheduled map[string]Scheduled
}

// New starts a server for topic that wants token (none when empty) and
// judges At against now; the test's end closes it.
func New(t testing.TB, topic, token string, now func() time.Time) *Server {
	s := &Server{Topic: topic, Token: token, now: now, scheduled: map[string]Scheduled{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.handle))
	t.Cleanup(s.Close)
	return s
}

// Config is the ntfy configuration that publishes to s.
func (s *Server) Config() ntfy.Config {
	return ntfy.Config{URL: s.URL, Topic: s.Topic, Token: s.Token}
}

// Requests is every request so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// Scheduled is the messages waiting for their time, soonest first.
func (s *Server) Scheduled() []Scheduled {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Scheduled
	for _, m := range s.scheduled {
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b Scheduled) int { return a.At.Compare(b.At) })
	return out
}

// Log is the requests as lines: method, path and the headers that matter.
func (s *Server) Log() string {
	var b strings.Builder
	for _, r := range s.Requests() {
		fmt.Fprintf(&b, "%s %s", r.Method, r.Path)
		for _, h := range []string{"Title", "Priority", "Tags", "X-Sequence-ID", "At"} {
			if v := r.Header.Get(h); v != "" {
				if h == "At" {
					v += " (" + unixTime(v).UTC().Format(time.RFC3339) + ")"
				}
				fmt.Fprintf(&b, " | %s: %s", h, v)
			}
		}
		if r.Refused != "" {
			fmt.Fprintf(&b, " | REFUSED: %s", r.Refused)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (s *Server) handle(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(req.Body, 8<<10))
	r := Request{Method: req.Method, Path: req.URL.Path, Header: req.Header.Clone(), Body: string(body)}
	s.mu.Lock()
	defer s.mu.Unlock()
	code, why := s.serve(r)
	if why != "" {
		r.Refused = why
		w.WriteHeader(code)
		fmt.Fprintf(w, `{"code":%d0,"http":%d,"error":%q}`, code, code, why)
	}
	s.requests = append(s.requests, r)
	if why == "" {
		fmt.Fprint(w, `{"id":"x","event":"message"}`)
	}
}

// serve applies r; s.mu is held. It returns the status and why when r is
// refused.
func (s *Server) serve(r Request) (int, string) {
	if s.Token != "" && r.Header.Get("Authorization") != "Bearer "+s.Token {
		return http.StatusUnauthorized, "unauthorized"
	}
	parts := strings.Split(strings.TrimPrefix(r.Path, "/"), "/")
	if parts[0] != s.Topic || len(parts) > 2 {
		return http.StatusNotFound, "not this topic: " + r.Path
	}
	switch {
	case r.Method == http.MethodDelete && len(parts) == 2:
		delete(s.scheduled, parts[1]) // a delivered one is only tombstoned: nothing here
		return 0, ""
	case r.Method != http.MethodPost && r.Method != http.MethodPut:
		return http.StatusMethodNotAllowed, r.Method
	}
	id := r.Header.Get("X-Sequence-ID")
	if len(parts) == 2 {
		id = parts[1]
	}
	if p := r.Header.Get("Priority"); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 5 {
			return http.StatusBadRequest, "invalid priority " + p
		}
	}
	at := r.Header.Get("At")
	if at == "" {
		if id != "" {
			delete(s.scheduled, id) // published now: replaces one scheduled under its ID
		}
		return 0, ""
	}
	when := unixTime(at)
	if ahead := when.Sub(s.now()); ahead < ntfy.MinDelay || ahead > ntfy.MaxDelay {
		return http.StatusBadRequest, "invalid delay " + at
	}
	if id == "" {
		id = fmt.Sprintf("unnamed-%d", len(s.requests))
	}
	s.scheduled[id] = Scheduled{ID: id, At: when, Title: r.Header.Get("Title"), Priority: r.Header.Get("Priority")}
	return 0, ""
}

// unixTime reads an At header that is a Unix time; the zero time otherwise.
func unixTime(v string) time.Time {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}
	}
	return time.Unix(n, 0)
}
