package store

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// splitEvents reads the course's events off the end of state.json, where
// icetimer writes them, and gives back the file with "events": null in
// their place: encoding/json then decodes a few hundred bytes instead of
// scanning megabytes twice (once to check the file, once to find the
// array's end), which was most of a status bar's call on a busy course.
//
// ok is false, and the caller decodes the whole file, unless the result is
// sure to be what encoding/json gives for the whole file: the array is the
// last member of the top-level object's last member, "course", and no other
// key there could also be read as "course" or "events" (see wellPlaced).
func splitEvents(data []byte) (rest []byte, events eventList, ok bool) {
	// The first "events" key: icetimer writes one, after the settings and
	// before the events; in any other file a wrong one fails the checks below.
	key := []byte(`"events":`)
	at := bytes.Index(data, key)
	if at < 0 {
		return nil, nil, false
	}
	// The key must stand where a member starts, not inside a string.
	before := bytes.TrimRight(data[:at], " \t\r\n")
	if len(before) == 0 || before[len(before)-1] != ',' && before[len(before)-1] != '{' {
		return nil, nil, false
	}
	s := eventScanner{data: data, i: at + len(key), ok: true}
	s.skip()
	events = s.array()
	if !s.ok || strings.Trim(string(data[s.i:]), " \t\r\n}") != "" || bytes.Count(data[s.i:], []byte("}")) != 2 {
		return nil, nil, false
	}
	rest = append(append(append([]byte(nil), data[:at]...), `"events":null`...), data[s.i:]...)
	if !wellPlaced(rest) {
		return nil, nil, false
	}
	return rest, events, true
}

// wellPlaced says that in rest (a small file, its events taken out), the
// top-level object's last member is the course and the course's last member
// is "events": null, each key once. Keys are compared as encoding/json
// matches them to fields, ignoring case; a key that is not plain ASCII,
// where that matching is subtler, makes it false.
func wellPlaced(rest []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(rest))
	last, ok := members(dec, func(key string) bool {
		if key != "course" {
			return skipValue(dec)
		}
		lastInCourse, ok := members(dec, func(key string) bool {
			if key != "events" {
				return skipValue(dec)
			}
			tok, err := dec.Token()
			return err == nil && tok == nil
		})
		return ok && lastInCourse == "events"
	})
	if _, err := dec.Token(); !ok || last != "course" || err != io.EOF {
		return false
	}
	return true
}

// members reads an object, calling member for each key (lower-cased) to
// read its value; it is false for a repeated key, a key that is not plain
// ASCII, or anything that is not an object. last is the last key.
func members(dec *json.Decoder, member func(key string) bool) (last string, ok bool) {
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", false
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		key, isString := tok.(string)
		if err != nil || !isString || !isPlainASCII(key) {
			return "", false
		}
		key = strings.ToLower(key)
		if seen[key] || !member(key) {
			return "", false
		}
		seen[key], last = true, key
	}
	tok, err := dec.Token()
	return last, err == nil && tok == json.Delim('}')
}

func skipValue(dec *json.Decoder) bool {
	var v json.RawMessage
	return dec.Decode(&v) == nil
}

func isPlainASCII(s string) bool {
	for i := range len(s) {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}
