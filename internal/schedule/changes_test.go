package schedule

import (
	"testing"
	"time"
)

// A course that runs until stopped changes for ever: the caller decides when
// it has seen enough.
func TestChangesGoOnUntilTheCallerStops(t *testing.T) {
	c := Course{Start: t0, Protocol: Protocol{Stages: []Stage{{Cycle: Cycle{{Ice, time.Second}, {Rest, time.Second}}}}}}
	from := t0.Add(time.Hour)
	i := 0
	for tr := range c.Changes(from) {
		if want := from.Add(time.Duration(i) * time.Second); !tr.At.Equal(want) {
			t.Fatalf("change %d at %v, want %v", i, tr.At, want)
		}
		if i++; i == 1000 {
			break
		}
	}
	if i != 1000 {
		t.Fatalf("%d changes, want as many as asked for", i)
	}
}

// A course paused after its last event stays paused: its only further
// changes are quiet hours beginning and ending.
func TestChangesOfACoursePausedForGood(t *testing.T) {
	c := withEvents(courseOf(t, "ice 20m, rest 20m", 0), ev(Pause, 5*m))
	for range c.Changes(at(5 * m)) {
		t.Fatal("a paused course without quiet hours changed")
	}

	c.Quiet = quiet(t, "23:00-07:00", time.UTC) // the night starts at +15h
	want := []struct {
		at   time.Duration
		kind Kind
	}{{15 * time.Hour, Quiet}, {23 * time.Hour, Ice}, {39 * time.Hour, Quiet}, {47 * time.Hour, Ice}}
	i := 0
	for tr := range c.Changes(at(5 * m)) {
		if w := want[i]; !tr.At.Equal(at(w.at)) || tr.To.Kind != w.kind {
			t.Fatalf("change %d: %s at +%v, want %s at +%v", i, tr.To.Kind, tr.At.Sub(t0), w.kind, w.at)
		}
		if i++; i == len(want) {
			break
		}
	}
}
