package store

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/icetimer/icetimer/internal/schedule"
)

// eventList is a course's events as written in the store's files. It reads
// the shape icetimer writes straight off the bytes, several times faster
// than encoding/json's reflection, so that status answers within 100 ms
// with the most events a course may hold (schedule.MaxEvents). Anything else
// (another field, an escaped string, a number that is not a whole one) is
// read by encoding/json, with its errors, as before.
type eventList []eventJSON

// UnmarshalJSON reads a JSON array of events.
func (l *eventList) UnmarshalJSON(data []byte) error {
	if events, ok := scanEvents(data); ok {
		*l = events
		return nil
	}
	return json.Unmarshal(data, (*[]eventJSON)(l))
}

// eventScanner reads the events array by hand; ok turns false at the first
// thing it does not expect, and the caller falls back to encoding/json.
type eventScanner struct {
	data []byte
	i    int
	ok   bool
	// tokenEnd is where the latest string read ends, its quote included.
	tokenEnd int
}

func scanEvents(data []byte) (eventList, bool) {
	s := eventScanner{data: data, ok: true}
	if s.skip(); s.literal("null") {
		return nil, s.end()
	}
	out := s.array()
	return out, s.end()
}

// array reads an array of events, and the white space after it.
func (s *eventScanner) array() eventList {
	s.expect('[')
	out := make(eventList, 0, bytes.Count(s.data[s.i:], []byte("{")))
	for s.ok && !s.peek(']') {
		if len(out) > 0 {
			s.expect(',')
		}
		out = append(out, s.event())
	}
	s.expect(']')
	return out
}

func (s *eventScanner) event() eventJSON {
	var e eventJSON
	s.expect('{')
	for first := true; s.ok && !s.peek('}'); first = false {
		if !first {
			s.expect(',')
		}
		key := s.str()
		s.expect(':')
		switch string(key) {
		case "type":
			e.Type = eventType(s.str())
		case "at":
			start := s.i
			s.str()
			if s.ok && e.At.UnmarshalJSON(s.data[start:s.tokenEnd]) != nil {
				s.ok = false
			}
		case "amount_seconds":
			e.AmountSeconds = s.integer()
		default:
			s.ok = false
		}
	}
	s.expect('}')
	return e
}

// eventType is the type named b, without allocating for the known ones.
func eventType(b []byte) schedule.EventType {
	for _, t := range []schedule.EventType{schedule.Pause, schedule.Resume, schedule.Skip, schedule.Extend, schedule.Restart, schedule.Stop,
		schedule.Ack, schedule.NextStage, schedule.Confirm, schedule.SkinOK, schedule.Numb} {
		if string(b) == string(t) {
			return t
		}
	}
	return schedule.EventType(b)
}

// str reads a string with no escapes, and the white space after it.
func (s *eventScanner) str() []byte {
	if !s.ok || !s.peek('"') {
		s.ok = false
		return nil
	}
	end := bytes.IndexByte(s.data[s.i+1:], '"')
	if end < 0 || bytes.IndexByte(s.data[s.i+1:s.i+1+end], '\\') >= 0 {
		s.ok = false
		return nil
	}
	v := s.data[s.i+1 : s.i+1+end]
	s.i += end + 2
	s.tokenEnd = s.i
	s.skip()
	return v
}

// integer reads a whole number, and the white space after it.
func (s *eventScanner) integer() int64 {
	start := s.i
	for s.i < len(s.data) && (s.data[s.i] == '-' || s.data[s.i] >= '0' && s.data[s.i] <= '9') {
		s.i++
	}
	n, err := strconv.ParseInt(string(s.data[start:s.i]), 10, 64)
	if err != nil {
		s.ok = false
	}
	s.skip()
	return n
}

func (s *eventScanner) literal(word string) bool {
	if bytes.HasPrefix(s.data[s.i:], []byte(word)) {
		s.i += len(word)
		s.skip()
		return true
	}
	return false
}

func (s *eventScanner) peek(c byte) bool { return s.i < len(s.data) && s.data[s.i] == c }

// expect reads byte c, and the white space after it.
func (s *eventScanner) expect(c byte) {
	if !s.ok || !s.peek(c) {
		s.ok = false
		return
	}
	s.i++
	s.skip()
}

func (s *eventScanner) skip() {
	for s.i < len(s.data) && (s.data[s.i] == ' ' || s.data[s.i] == '\n' || s.data[s.i] == '\t' || s.data[s.i] == '\r') {
		s.i++
	}
}

// end is ok once the whole array has been read.
func (s *eventScanner) end() bool { return s.ok && s.i == len(s.data) }
