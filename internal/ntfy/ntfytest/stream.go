package ntfytest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"time"
)

// subscriber is one open subscription stream.
type subscriber struct {
	topic string
	// messages is what the stream still has to send; a subscriber too slow
	// to keep up is cut off, as a real server drops it.
	messages chan Message
	// gone is closed when the stream is cut off.
	gone chan struct{}
}

// subscriberBuffer bounds what waits for a slow subscriber.
const subscriberBuffer = 4096

// SetKeepalive sets how often a stream sends a keepalive event (45 s, as
// ntfy does, by default).
func (s *Server) SetKeepalive(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.keepalive = d
}

// SetStreamFor makes the server end every stream d after it opened (0, the
// default: never), as a flaky proxy in front of a server would.
func (s *Server) SetStreamFor(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.streamFor = d
}

// Subscriptions is how many subscription streams were opened so far.
func (s *Server) Subscriptions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.subscriptions
}

// publish caches m and hands it to the topic's subscribers; s.mu is held.
func (s *Server) publish(m Message) {
	s.cache[m.Topic] = append(s.cache[m.Topic], m)
	for sub := range s.subs {
		if sub.topic != m.Topic {
			continue
		}
		select {
		case sub.messages <- m:
		default:
			delete(s.subs, sub)
			close(sub.gone)
		}
	}
}

// subscribe serves GET URL/TOPIC/json until the client goes, the stream is
// cut off, or (SetStreamFor) its time is up.
func (s *Server) subscribe(w http.ResponseWriter, req *http.Request) {
	topic, rest, ok := s.topicOf(req.URL.Path)
	switch {
	case !ok || len(rest) != 1 || rest[0] != "json":
		http.Error(w, `{"code":40401,"http":404,"error":"page not found"}`, http.StatusNotFound)
		return
	case !s.authorized(req.Header):
		http.Error(w, `{"code":40101,"http":401,"error":"unauthorized"}`, http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	old, err := s.since(topic, req.URL.Query().Get("since"))
	if err != nil {
		s.mu.Unlock()
		http.Error(w, `{"code":40008,"http":400,"error":"invalid since parameter"}`, http.StatusBadRequest)
		return
	}
	sub := &subscriber{topic: topic, messages: make(chan Message, subscriberBuffer), gone: make(chan struct{})}
	s.subs[sub] = true
	s.subscriptions++
	keepalive, streamFor := s.keepalive, s.streamFor
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.subs[sub] {
			delete(s.subs, sub)
			close(sub.gone)
		}
		s.mu.Unlock()
	}()

	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	send := func(m Message) bool {
		if writeJSON(w, m) != nil {
			return false
		}
		w.(http.Flusher).Flush()
		return true
	}
	if !send(s.event("open", topic)) {
		return
	}
	for _, m := range old {
		if !send(m) {
			return
		}
	}
	ticker := time.NewTicker(keepalive)
	defer ticker.Stop()
	var end <-chan time.Time
	if streamFor > 0 {
		end = time.After(streamFor)
	}
	for {
		select {
		case m := <-sub.messages:
			if !send(m) {
				return
			}
		case <-ticker.C:
			if !send(s.event("keepalive", topic)) {
				return
			}
		case <-sub.gone:
			return
		case <-end:
			return
		case <-req.Context().Done():
			return
		}
	}
}

// event is an open or keepalive event for topic.
func (s *Server) event(kind, topic string) Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Message{ID: s.newID(), Time: s.now().Unix(), Event: kind, Topic: topic}
}

// messageID is what ntfy takes for a message ID in since.
var messageID = regexp.MustCompile(`^[A-Za-z0-9]{12}$`)

// since is the cached messages of topic that the since parameter v asks
// for, as ntfy reads it; s.mu is held.
func (s *Server) since(topic, v string) ([]Message, error) {
	cached := s.cache[topic]
	var from time.Time
	switch {
	case v == "" || v == "none":
		return nil, nil
	case v == "all":
		return cached, nil
	case messageID.MatchString(v):
		for i, m := range cached {
			if m.ID == v {
				return cached[i+1:], nil
			}
		}
		return cached, nil // an ID no longer cached: everything, as ntfy does
	default:
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			from = time.Unix(n, 0)
		} else if d, err := time.ParseDuration(v); err == nil {
			from = s.now().Add(-d)
		} else {
			return nil, fmt.Errorf("invalid since %q", v)
		}
	}
	var out []Message
	for _, m := range cached {
		if m.Time >= from.Unix() {
			out = append(out, m)
		}
	}
	return out, nil
}

// writeJSON writes m as one line of JSON.
func writeJSON(w io.Writer, m Message) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
