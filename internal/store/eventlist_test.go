package store

import (
	"encoding/json"
	"github.com/icetimer/icetimer/internal/schedule"
	"reflect"
	"testing"
	"time"
)

// The fast path reads what icetimer writes, compact or indented, and gives
// what encoding/json gives.
func TestEventListFastPathReadsWhatIsWritten(t *testing.T) {
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	var events []eventJSON
	for i := range 10 {
		e := nthEvent(start, i)
		secs, _ := wholeSeconds("amount", e.Amount)
		events = append(events, eventJSON{Type: e.Type, At: e.At, AmountSeconds: secs})
	}
	compact, _ := json.Marshal(events)
	indented, _ := json.MarshalIndent(events, "  ", "  ")
	for _, data := range [][]byte{compact, indented, []byte("[]"), []byte(" null ")} {
		got, ok := scanEvents(data)
		if !ok {
			t.Fatalf("the fast path gave up on %s", data)
		}
		var want []eventJSON
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual([]eventJSON(got), want) {
			t.Errorf("fast path read %s as %+v, want %+v", data, got, want)
		}
	}
}

// Anything else goes to encoding/json, with its answer or its error.
func TestEventListFallsBackOnAnythingElse(t *testing.T) {
	for _, data := range []string{
		`[{"Type":"pause","at":"2026-11-21T08:00:00Z"}]`,
		`[{"type":"pa\u0075se","at":"2026-11-21T08:00:00Z"}]`,
		`[{"type":"extend","at":"2026-11-21T08:00:00Z","amount_seconds":1.5}]`,
		`[{"type":"pause","at":"2026-11-21T08:00:00Z","note":"x"}]`,
		`[{"type":"pause","at":"not a time"}]`,
	} {
		if _, ok := scanEvents([]byte(data)); ok {
			t.Errorf("the fast path read %s", data)
		}
		var got eventList
		var want []eventJSON
		errGot, errWant := json.Unmarshal([]byte(data), &got), json.Unmarshal([]byte(data), &want)
		if (errGot == nil) != (errWant == nil) || !reflect.DeepEqual([]eventJSON(got), want) && errWant == nil {
			t.Errorf("%s: read as %+v (%v), want %+v (%v)", data, got, errGot, want, errWant)
		}
	}
}

// Reading the events off the end of state.json gives what decoding the whole
// file gives, or gives way to it: for files as icetimer writes them, and for
// files shaped to fool the split (events in another object, a key that only
// looks like "events", a repeated or differently cased key, trailing data).
func TestSplitEventsAgreesWithDecodingTheWholeFile(t *testing.T) {
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	c := testCourse(start, time.UTC)
	for i := range 3 {
		c.Events = append(c.Events, nthEvent(start, i))
	}
	written, err := encodeState(c)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := splitEvents(written); !ok {
		t.Fatalf("the split gave up on what icetimer writes:\n%s", written)
	}
	ev := `[{"type":"stop","at":"2026-11-21T09:00:00Z"}]`
	course := `{"preset":"custom","start":"2026-11-21T08:00:00Z","stages":[{"phases":[{"kind":"ice","seconds":60}],"window_seconds":0}],"quiet":{"enabled":false,"start_seconds":0,"end_seconds":0,"location":""}`
	for _, doc := range []string{
		string(written),
		`{"version":1,"course":` + course + `,"events":` + ev + "}}\n",
		`{"version":1,"course":` + course + `},"other":{"events":` + ev + "}}",
		`{"version":1,"course":` + course + `,"x":"\",\"events\":` + ev[:1] + `"` + `,"events":` + ev + "}}",
		`{"version":1,"course":` + course + `,"Events":[],"events":` + ev + "}}",
		`{"version":1,"Course":{"preset":"x"},"course":` + course + `,"events":` + ev + "}}",
		`{"version":1,"course":` + course + `,"events":` + ev + "}} {}",
		`{"version":1,"course":` + course + `,"events":` + ev + "}}}",
		`{"version":1,"course":` + course + `,"events":` + ev + "}",
		`{"version":1,"course":` + course + `,"\u0065vents":[],"events":` + ev + "}}",
	} {
		want, errWant := decodeStateWhole([]byte(doc))
		got, _, errGot := decodeState([]byte(doc))
		if (errGot == nil) != (errWant == nil) || errWant == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%s\n read as %+v (%v)\nwant %+v (%v)", doc, got, errGot, want, errWant)
		}
	}
}

// decodeStateWhole is decodeState without the split.
func decodeStateWhole(data []byte) (schedule.Course, error) {
	var st struct {
		Version *int       `json:"version"`
		Course  courseJSON `json:"course"`
	}
	if err := json.Unmarshal(data, &st); err != nil {
		return schedule.Course{}, err
	}
	return courseFromJSON(st.Course)
}
