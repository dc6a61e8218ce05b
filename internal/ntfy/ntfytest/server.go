// Package ntfytest is a fake ntfy server for tests. It follows ntfy's
// documented API, and refuses what a real server would refuse:
//   - publishing (https://docs.ntfy.sh/publish/): POST or PUT URL/TOPIC with
//     Title, Priority, Tags, At (scheduled delivery, 10 s to 3 days ahead),
//     X-Sequence-ID and Actions (the simple header format, at most three
//     actions); DELETE URL/TOPIC/SEQUENCE-ID drops a scheduled message, as a
//     server from 2026 does (ntfy 2.16, pull request 1556). Scheduled
//     messages are kept one per sequence ID, replaced by a publish with the
//     same ID, and never delivered: tests look at them with Scheduled.
//   - subscribing (https://docs.ntfy.sh/subscribe/api/): GET URL/TOPIC/json
//     streams one JSON object per line: an "open" event, the cached messages
//     the since parameter asks for (a message ID, exclusive, or all messages
//     when the ID is not cached; a Unix time; a duration; "all"; "none"),
//     then each message as it is published, and a "keepalive" event every
//     Keepalive.
//
// Press plays the phone: it carries out the http action of a published
// message's button, as the ntfy app does when the person taps it.
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
	// Actions is the message's Actions header, as sent.
	Actions string
}

// Message is a published message as the subscription stream carries it
// (https://docs.ntfy.sh/subscribe/api/#json-message-format).
type Message struct {
	ID         string   `json:"id"`
	Time       int64    `json:"time"`
	Event      string   `json:"event"`
	Topic      string   `json:"topic"`
	Message    string   `json:"message,omitempty"`
	Title      string   `json:"title,omitempty"`
	Priority   int      `json:"priority,omitempty"`
	Tags       []string `json:"tags,omitempty"`
	SequenceID string   `json:"sequence_id,omitempty"`
}

// DefaultKeepalive is ntfy's keepalive-interval default.
const DefaultKeepalive = 45 * time.Second

// Server is a fake ntfy server on the loopback interface. It serves the
// topic it was made for and that topic's replies (ntfy.Config.ReplyTopic).
type Server struct {
	*httptest.Server
	Topic, Token string
	now          func() time.Time

	mu        sync.Mutex
	requests  []Request
	scheduled map[string]Scheduled
	// cache is every message published now, in order, per topic.
	cache map[string][]Message
	next  int
	subs  map[*subscriber]bool
	// keepalive and streamFor shape the subscription streams (see
	// SetKeepalive and SetStreamFor).
	keepalive, streamFor time.Duration
	subscriptions        int
}

// New starts a server for topic that wants token (none when empty) and
// judges At against now; the test's end closes it.
func New(t testing.TB, topic, token string, now func() time.Time) *Server {
	s := &Server{Topic: topic, Token: token, now: now, scheduled: map[string]Scheduled{},
		cache: map[string][]Message{}, subs: map[*subscriber]bool{}, keepalive: DefaultKeepalive}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(s.handle))
	s.Start()
	t.Cleanup(func() {
		s.CloseClientConnections()
		s.Close()
	})
	return s
}

// Config is the ntfy configuration that publishes to s, with the phone's
// buttons (the config file's default).
func (s *Server) Config() ntfy.Config {
	return ntfy.Config{URL: s.URL, Topic: s.Topic, Token: s.Token, Ack: true}
}

// Requests is every publish and delete so far, in order (subscriptions are
// counted by Subscriptions).
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

// Messages is what was published on topic (not scheduled), in order.
func (s *Server) Messages(topic string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.cache[topic])
}

// Log is the requests as lines: method, path and the headers that matter.
func (s *Server) Log() string {
	var b strings.Builder
	for _, r := range s.Requests() {
		fmt.Fprintf(&b, "%s %s", r.Method, r.Path)
		for _, h := range []string{"Title", "Priority", "Tags", "X-Sequence-ID", "At", "Actions"} {
			if v := r.Header.Get(h); v != "" {
				if h == "At" {
					v += " (" + unixTime(v).UTC().Format(time.RFC3339) + ")"
				}
				fmt.Fprintf(&b, " | %s: %s", h, v)
			}
		}
		if r.Body != "" && strings.HasSuffix(r.Path, ntfy.ReplySuffix) {
			fmt.Fprintf(&b, " | body: %s", r.Body)
		}
		if r.Refused != "" {
			fmt.Fprintf(&b, " | REFUSED: %s", r.Refused)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func (s *Server) handle(w http.ResponseWriter, req *http.Request) {
	if req.Method == http.MethodGet {
		s.subscribe(w, req)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(req.Body, 8<<10))
	r := Request{Method: req.Method, Path: req.URL.Path, Header: req.Header.Clone(), Body: string(body)}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, code, why := s.serve(r)
	if why != "" {
		r.Refused = why
		w.WriteHeader(code)
		fmt.Fprintf(w, `{"code":%d0,"http":%d,"error":%q}`, code, code, why)
	}
	s.requests = append(s.requests, r)
	if why == "" {
		writeJSON(w, m)
	}
}

// authorized reports whether h carries the token s wants.
func (s *Server) authorized(h http.Header) bool {
	return s.Token == "" || h.Get("Authorization") == "Bearer "+s.Token
}

// topicOf is the topic named by the path's first part, when s serves it,
// and the rest of the path.
func (s *Server) topicOf(path string) (string, []string, bool) {
	parts := strings.Split(strings.TrimPrefix(path, "/"), "/")
	ok := parts[0] == s.Topic || parts[0] == s.Topic+ntfy.ReplySuffix
	return parts[0], parts[1:], ok
}

// serve applies r; s.mu is held. It returns the message stored, or the
// status and why when r is refused.
func (s *Server) serve(r Request) (Message, int, string) {
	if !s.authorized(r.Header) {
		return Message{}, http.StatusUnauthorized, "unauthorized"
	}
	topic, rest, ok := s.topicOf(r.Path)
	if !ok || len(rest) > 1 {
		return Message{}, http.StatusNotFound, "not this topic: " + r.Path
	}
	switch {
	case r.Method == http.MethodDelete && len(rest) == 1:
		delete(s.scheduled, rest[0]) // a delivered one is only tombstoned: nothing here
		return Message{ID: s.newID(), Time: s.now().Unix(), Event: "message_delete", Topic: topic, SequenceID: rest[0]}, 0, ""
	case r.Method != http.MethodPost && r.Method != http.MethodPut:
		return Message{}, http.StatusMethodNotAllowed, r.Method
	}
	m := Message{ID: s.newID(), Time: s.now().Unix(), Event: "message", Topic: topic, Message: r.Body,
		Title: r.Header.Get("Title"), SequenceID: r.Header.Get("X-Sequence-ID")}
	if len(rest) == 1 {
		m.SequenceID = rest[0]
	}
	if p := r.Header.Get("Priority"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 5 {
			return Message{}, http.StatusBadRequest, "invalid priority " + p
		}
		m.Priority = n
	}
	if t := r.Header.Get("Tags"); t != "" {
		m.Tags = strings.Split(t, ",")
	}
	if a := r.Header.Get("Actions"); a != "" {
		if _, err := parseActions(a); err != nil {
			return Message{}, http.StatusBadRequest, "invalid actions: " + err.Error()
		}
	}
	at := r.Header.Get("At")
	if at == "" {
		if m.SequenceID != "" {
			delete(s.scheduled, m.SequenceID) // published now: replaces one scheduled under its ID
		}
		s.publish(m)
		return m, 0, ""
	}
	when := unixTime(at)
	if ahead := when.Sub(s.now()); ahead < ntfy.MinDelay || ahead > ntfy.MaxDelay {
		return Message{}, http.StatusBadRequest, "invalid delay " + at
	}
	id := m.SequenceID
	if id == "" {
		id = fmt.Sprintf("unnamed-%d", len(s.requests))
	}
	s.scheduled[id] = Scheduled{ID: id, At: when, Title: m.Title, Priority: r.Header.Get("Priority"), Actions: r.Header.Get("Actions")}
	return m, 0, ""
}

// newID is a message ID of ntfy's form: 12 letters and digits. s.mu is held.
func (s *Server) newID() string {
	s.next++
	return fmt.Sprintf("m%011d", s.next)
}

// unixTime reads an At header that is a Unix time; the zero time otherwise.
func unixTime(v string) time.Time {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}
	}
	return time.Unix(n, 0)
}
