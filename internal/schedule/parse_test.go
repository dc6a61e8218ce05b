package schedule

import (
	"strings"
	"testing"
	"time"
)

func TestParseCycle(t *testing.T) {
	c, err := ParseCycle(" ICE 20m,rest 1h30m , heat 90s")
	want := Cycle{{Ice, 20 * time.Minute}, {Rest, 90 * time.Minute}, {Heat, 90 * time.Second}}
	if err != nil || FormatCycle(c) != FormatCycle(want) {
		t.Fatalf("got %v, %v; want %v", c, err, want)
	}
}

// TestParseCycleForgives reads durations and commas as people write them.
func TestParseCycleForgives(t *testing.T) {
	for spec, want := range map[string]string{
		"ice 20 min, rest 20 min":       "ice 20m, rest 20m",
		"ice 20min,rest 20mins":         "ice 20m, rest 20m",
		"ice 20M, REST 20 Minutes":      "ice 20m, rest 20m",
		"ice 20m, rest 1 h 30 min":      "ice 20m, rest 1h30m",
		"heat 15 minutes, rest 2 hours": "heat 15m, rest 2h",
		"ice 20m, rest 1:30":            "ice 20m, rest 1h30m",
		"ice 0:20:30, rest 1:30:00":     "ice 20m30s, rest 1h30m",
		"ice 20m, rest 20m,":            "ice 20m, rest 20m",
		"ice 20m, rest 20m , ":          "ice 20m, rest 20m",
		"ice 90 sec, rest 1.5h":         "ice 1m30s, rest 1h30m",
		"ice   20   min ,  rest 5 hrs ": "ice 20m, rest 5h",
	} {
		c, err := ParseCycle(spec)
		if err != nil || FormatCycle(c) != want {
			t.Errorf("ParseCycle(%q) = %q, %v; want %q", spec, FormatCycle(c), err, want)
		}
	}
}

func TestParseCycleErrorsSayWhereAndWhatIsAccepted(t *testing.T) {
	for spec, want := range map[string]string{
		"":                                       `cycle is empty`,
		"ice 20m, snow 20m":                      `phase 2 "snow 20m": kind must be ice, heat or rest`,
		"ice 0m":                                 `phase 1 "ice 0m": duration "0m" must be from 1s to 12h`,
		"ice -5m":                                `phase 1 "ice -5m": duration "-5m" must be from 1s to 12h`,
		"ice 20":                                 `phase 1 "ice 20": duration "20" needs a unit`,
		"ice 12h1s":                              `must be from 1s to 12h`,
		"ice 1.5s":                               `must be whole seconds`,
		"ice":                                    `phase 1 "ice": want KIND DURATION`,
		"ice 20m,, rest 5m":                      `phase 2 "": want KIND DURATION`,
		"ice 20 parsecs":                         `phase 1 "ice 20 parsecs": duration "20 parsecs": unit "parsecs" is not one of`,
		"ice 1:75":                               `phase 1 "ice 1:75": duration "1:75" is not a duration: write it like 20m, 20 min, 1h30m, 1:30`,
		"ice 20 min 5":                           `is not a duration`,
		"ice 13:00":                              `must be from 1s to 12h`,
		"rest 5m, rest 5m":                       `only rest phases: at least one must be ice or heat`,
		strings.Repeat("ice 1m,", 16) + "ice 1m": `cycle has 17 phases: at most 16`,
	} {
		_, err := ParseCycle(spec)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseCycle(%q) = %v, want an error containing %q", spec, err, want)
		}
	}
}

func TestParseQuietHours(t *testing.T) {
	q, err := ParseQuietHours("22:30-6:45", time.UTC)
	if err != nil || q.Start != 22*time.Hour+30*time.Minute || q.End != 6*time.Hour+45*time.Minute || q.String() != "22:30-06:45" {
		t.Fatalf("got %+v, %v", q, err)
	}
	if q, err := ParseQuietHours("OFF", time.UTC); err != nil || q.Enabled {
		t.Fatalf("off: %+v, %v", q, err)
	}
	for _, bad := range []string{"7-23", "23:00", "24:00-07:00", "23:00-07:60", "07:00-07:00", "", "a:b-c:d"} {
		if _, err := ParseQuietHours(bad, time.UTC); err == nil {
			t.Errorf("ParseQuietHours(%q) accepted", bad)
		}
	}
}

func TestParseInstant(t *testing.T) {
	now := time.Date(2026, 11, 21, 15, 4, 5, 0, time.FixedZone("X", 3600))
	if got, err := ParseInstant("08:30", now); err != nil || !got.Equal(time.Date(2026, 11, 21, 8, 30, 0, 0, now.Location())) {
		t.Errorf("08:30: %v, %v", got, err)
	}
	if got, err := ParseInstant("2026-11-21T08:00:00+01:00", now); err != nil || !got.Equal(time.Date(2026, 11, 21, 7, 0, 0, 0, time.UTC)) {
		t.Errorf("RFC 3339: %v, %v", got, err)
	}
	for _, bad := range []string{"25:00", "8", "tomorrow", "2026-11-21", "12:60"} {
		if _, err := ParseInstant(bad, now); err == nil {
			t.Errorf("ParseInstant(%q) accepted", bad)
		}
	}
}

func FuzzParseCycle(f *testing.F) {
	for _, s := range []string{"ice 20m, rest 20m", "", "snow 20m", "ice 20", "heat 1h30m,rest 90s", "ice 12h", ",,,", "ice 9223372036854775807ns"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		c, err := ParseCycle(spec)
		if err != nil {
			return
		}
		if len(c) < 1 || len(c) > MaxPhases {
			t.Fatalf("%q gave %d phases", spec, len(c))
		}
		on := false
		for _, p := range c {
			on = on || p.Kind.IsOn()
			if p.Duration < MinPhaseDuration || p.Duration > MaxPhaseDuration {
				t.Fatalf("%q gave a phase of %v", spec, p.Duration)
			}
		}
		if !on {
			t.Fatalf("%q gave a cycle with no pack on", spec)
		}
		again, err := ParseCycle(FormatCycle(c))
		if err != nil || FormatCycle(again) != FormatCycle(c) {
			t.Fatalf("%q does not survive formatting: %q, %v", spec, FormatCycle(c), err)
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"20m", "0", "-5m", "1h30m", "banana", "1.5s", "20"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s, time.Second, 72*time.Hour)
		if err == nil && (d < time.Second || d > 72*time.Hour || d%time.Second != 0) {
			t.Fatalf("%q gave %v", s, d)
		}
	})
}

func FuzzParseQuietHours(f *testing.F) {
	for _, s := range []string{"23:00-07:00", "off", "7-23", "00:00-23:59", "-", "1:1-2:2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuietHours(s, time.UTC)
		if err != nil || !q.Enabled {
			return
		}
		if q.Start == q.End || q.Start < 0 || q.End < 0 || q.Start >= 24*time.Hour || q.End >= 24*time.Hour {
			t.Fatalf("%q gave %+v", s, q)
		}
		if again, err := ParseQuietHours(q.String(), time.UTC); err != nil || again != q {
			t.Fatalf("%q does not survive formatting: %q", s, q.String())
		}
	})
}

func FuzzParseInstant(f *testing.F) {
	for _, s := range []string{"08:00", "25:00", "2026-11-21T08:00:00+01:00", "2026-11-21T08:00:00Z", "T", "1:00"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseInstant(s, now)
		if err != nil || strings.Contains(s, "T") {
			return
		}
		// A clock time is today, at that time.
		if y, m, d := got.Date(); y != 2026 || m != time.November || d != 21 || got.Second() != 0 {
			t.Fatalf("%q read as %v, not a time today", s, got)
		}
	})
}

// NEL (U+0085) splits fields as a space does: a cycle holding it, or any
// other control character, is refused rather than read.
func TestCycleWithAControlCharacterIsRefused(t *testing.T) {
	for _, spec := range []string{"ice 20m\u0085", "ice\u008520m", "ice 20m\x1b", "ice 20m,\x00rest 20m"} {
		if _, err := ParseCycle(spec); err == nil || !strings.Contains(err.Error(), "control character") {
			t.Errorf("ParseCycle(%q) = %v, want a refusal naming the control character", spec, err)
		}
	}
	for _, clock := range []string{"23:00\u0085", "\u008523:00", "\x1b23:00"} {
		if _, err := ParseClock(clock); err == nil {
			t.Errorf("ParseClock(%q) accepted it", clock)
		}
	}
	if _, err := ParseCycle("ice 20m,\n\trest 20m"); err != nil {
		t.Errorf("tabs and newlines between phases: %v", err)
	}
}
