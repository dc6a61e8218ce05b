package schedule

import (
	"testing"
	"time"
)

// t0 is the start used by most tests: a Saturday morning, UTC.
var t0 = time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)

func preset(t *testing.T, id string) Preset {
	t.Helper()
	p, ok := PresetByID(id)
	if !ok {
		t.Fatalf("preset %q missing from the catalogue", id)
	}
	return p
}

func courseOf(t *testing.T, spec string, window time.Duration) Course {
	t.Helper()
	c, err := ParseCycle(spec)
	if err != nil {
		t.Fatal(err)
	}
	return Course{Preset: "custom", Start: t0, Protocol: Protocol{Stages: []Stage{{Cycle: c, Window: window}}}}
}

func quiet(t *testing.T, s string, loc *time.Location) QuietHours {
	t.Helper()
	q, err := ParseQuietHours(s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func at(d time.Duration) time.Time { return t0.Add(d) }

// wantState checks the kind and remaining time a course shows at an instant.
func wantState(t *testing.T, c Course, now time.Time, kind Kind, remaining time.Duration) State {
	t.Helper()
	s := c.StateAt(now)
	if s.Current.Kind != kind || s.Remaining != remaining {
		t.Fatalf("at +%v: got %s with %v left, want %s with %v left", now.Sub(t0), s.Current.Kind, s.Remaining, kind, remaining)
	}
	return s
}
