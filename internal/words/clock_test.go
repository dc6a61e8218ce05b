package words

import (
	"testing"
	"time"
)

// The one rounding rule: up, so that neither a countdown nor a sentence
// ever says less is left than there is.
func TestSpanAndCountdownRoundUp(t *testing.T) {
	for d, want := range map[time.Duration][2]string{
		-time.Second:                          {"0 s", "0:00"},
		0:                                     {"0 s", "0:00"},
		time.Millisecond:                      {"1 s", "0:01"},
		45 * time.Second:                      {"45 s", "0:45"},
		59*time.Second + 600*time.Millisecond: {"1 min", "1:00"},
		19*time.Minute + 29*time.Second:       {"20 min", "19:29"},
		20 * time.Minute:                      {"20 min", "20:00"},
		20*time.Minute + time.Second:          {"21 min", "20:01"},
		time.Hour:                             {"1 h", "1:00:00"},
		2*time.Hour + 39*time.Minute + 59*time.Second + 1: {"2 h 40 min", "2:40:00"},
	} {
		if got := Span(d); got != want[0] {
			t.Errorf("Span(%v) = %q, want %q", d, got, want[0])
		}
		if got := Countdown(d); got != want[1] {
			t.Errorf("Countdown(%v) = %q, want %q", d, got, want[1])
		}
	}
}

func TestClockNearSaysTheDayOnlyWhenFarOff(t *testing.T) {
	now := time.Date(2026, 11, 23, 22, 0, 0, 0, time.Local)
	for at, want := range map[time.Time]string{
		now.Add(9 * time.Hour):       "07:00",
		now.Add(-3 * time.Hour):      "19:00",
		now.Add(-14 * time.Hour):     "08:00",
		now.Add(-7 * 24 * time.Hour): "Mon 16 Nov 22:00",
		now.Add(13 * time.Hour):      "Tue 24 Nov 11:00",
	} {
		if got := ClockNear(at, now); got != want {
			t.Errorf("ClockNear(%v) = %q, want %q", at, got, want)
		}
	}
}
