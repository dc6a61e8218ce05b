package words

import (
	"fmt"
	"testing"
	"time"
)

// The one rounding rule: up, so that neither a countdown nor a sentence
// ever says less is left than there is.
func TestSpanAndCountdownRoundUp(t *testing.T) {
	for d, want := range map[time.Duration][3]string{
		-time.Second:                          {"0 s", "0:00", "0 seconds"},
		0:                                     {"0 s", "0:00", "0 seconds"},
		time.Millisecond:                      {"1 s", "0:01", "1 second"},
		45 * time.Second:                      {"45 s", "0:45", "45 seconds"},
		59*time.Second + 600*time.Millisecond: {"1 min", "1:00", "1 minute"},
		19*time.Minute + 29*time.Second:       {"20 min", "19:29", "20 minutes"},
		20 * time.Minute:                      {"20 min", "20:00", "20 minutes"},
		20*time.Minute + time.Second:          {"21 min", "20:01", "21 minutes"},
		time.Hour:                             {"1 h", "1:00:00", "1 hour"},
		2*time.Hour + 39*time.Minute + 59*time.Second + 1: {"2 h 40 min", "2:40:00", "2 hours and 40 minutes"},
	} {
		if got := Span(d); got != want[0] {
			t.Errorf("Span(%v) = %q, want %q", d, got, want[0])
		}
		if got := Countdown(d); got != want[1] {
			t.Errorf("Countdown(%v) = %q, want %q", d, got, want[1])
		}
		if got := SpanInFull(d); got != want[2] {
			t.Errorf("SpanInFull(%v) = %q, want %q", d, got, want[2])
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

// The config file's clock setting reaches every clock time, and turning it
// off again restores the 24-hour clock.
func TestUse12HourClock(t *testing.T) {
	t.Cleanup(func() { Use12HourClock(false) })
	at := time.Date(2026, 11, 21, 14, 5, 9, 0, time.UTC)
	Use12HourClock(true)
	if Clock(at) != "2:05 PM" || Stamp(at) != "2:05:09 PM" {
		t.Errorf("12 h: Clock %q, Stamp %q; want 2:05 PM, 2:05:09 PM", Clock(at), Stamp(at))
	}
	Use12HourClock(false)
	if Clock(at) != "14:05" || Stamp(at) != "14:05:09" {
		t.Errorf("24 h: Clock %q, Stamp %q; want 14:05, 14:05:09", Clock(at), Stamp(at))
	}
}

// The big digits read hours as h:mm, and never a minute less than the
// exact countdown under them: BigLeft is Countdown rounded up to the
// minute (to the second in the last minute), at every second of 13 hours.
func TestBigLeftIsTheCountdownRoundedUp(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                               "0 s",
		45 * time.Second:                "45 s",
		59*time.Minute + 1:              "1:00",
		19*time.Minute + 29*time.Second: "20 min",
		3*time.Hour + 56*time.Minute + 30*time.Second: "3:57",
		3*time.Hour + 56*time.Minute:                  "3:56",
		12 * time.Hour:                                "12:00",
	} {
		if got := BigLeft(d); got != want {
			t.Errorf("BigLeft(%v) = %q, want %q", d, got, want)
		}
	}
	for s := int64(0); s <= 13*3600; s++ {
		d := time.Duration(s)*time.Second - 300*time.Millisecond
		var h, m, sec int64
		exact := Countdown(d)
		if n, _ := fmt.Sscanf(exact, "%d:%d:%d", &h, &m, &sec); n != 3 {
			h = 0
			fmt.Sscanf(exact, "%d:%d", &m, &sec)
		}
		total := h*3600 + m*60 + sec
		var want string
		switch mins := (total + 59) / 60; {
		case total < 60:
			want = fmt.Sprintf("%d s", total)
		case mins < 60:
			want = fmt.Sprintf("%d min", mins)
		default:
			want = fmt.Sprintf("%d:%02d", mins/60, mins%60)
		}
		if got := BigLeft(d); got != want {
			t.Fatalf("at %v left the countdown reads %s and the big digits %q, want %q", d, exact, got, want)
		}
	}
}
