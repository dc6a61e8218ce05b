package schedule

import (
	"strings"
	"testing"
	"time"
)

func TestCheckRails(t *testing.T) {
	for spec, want := range map[string]string{
		"ice 20m, rest 20m":           "",
		"ice 30m, rest 1h":            "",
		"heat 1h, rest 20m":           "",
		"ice 20m, heat 20m, rest 40m": "",
		"ice 31m, rest 20m":           "ice 31m is too long: one ice application lasts at most 30m",
		"heat 61m, rest 20m":          "heat 1h1m is too long",
		"ice 12h":                     "too long",
		"ice 20m":                     "ice follows ice with no rest between",
		"ice 20m, ice 20m, rest 20m":  "ice follows ice",
		"ice 20m, rest 20m, ice 20m":  "ice follows ice", // wrap-around
		"rest 20m, heat 20m, heat 5m": "heat follows heat",
		"rest 10m, rest 10m, ice 10m": "",
	} {
		err := mustCycle(t, spec).CheckRails()
		switch {
		case want == "" && err != nil:
			t.Errorf("%q: %v, want it accepted", spec, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%q: %v, want an error saying %q", spec, err, want)
		}
	}
}

func TestEveryPresetKeepsToTheRails(t *testing.T) {
	for _, p := range Presets() {
		for i, s := range p.Protocol.Stages {
			if err := s.Cycle.CheckRails(); err != nil {
				t.Errorf("%s stage %d: %v", p.ID, i+1, err)
			}
		}
	}
}

// `+` stops at the cap: an ice phase never runs past 30 minutes, however
// many extensions (a file edited by hand included).
func TestExtendStopsAtTheCap(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	for i := range 12 {
		c.Events = append(c.Events, Event{Type: Extend, At: c.Start.Add(time.Duration(i+1) * time.Minute), Amount: 5 * time.Minute})
	}
	s := c.StateAt(c.Start.Add(15 * time.Minute))
	if s.Length != MaxIce || !s.Current.End.Equal(c.Start.Add(MaxIce)) {
		t.Fatalf("ice after 12 extensions: length %v, ends %v; want %v", s.Length, s.Current.End, MaxIce)
	}
}
