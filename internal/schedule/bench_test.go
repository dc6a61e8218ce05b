package schedule

import (
	"testing"
	"time"
)

// courseWithEvents is ice-then-heat with quiet hours and n events spread over
// its first 70 hours: a busy course, as the screen sees it near its end.
func courseWithEvents(n int) Course {
	p, _ := PresetByID("ice-then-heat")
	c := Course{Preset: p.ID, Protocol: withWindow(p.Protocol, 72*time.Hour), Start: t0,
		Quiet: QuietHours{Enabled: true, Start: 23 * time.Hour, End: 7 * time.Hour, Location: time.UTC}}
	types := []EventType{Pause, Resume, Extend, Skip, Restart}
	for i := range n {
		e := Event{Type: types[i%len(types)], At: t0.Add(time.Duration(i) * 70 * time.Hour / time.Duration(n))}
		if e.Type == Extend {
			e.Amount = 5 * time.Minute
		}
		c.Events = append(c.Events, e)
	}
	return c
}

func withWindow(p Protocol, w time.Duration) Protocol {
	stages := append([]Stage(nil), p.Stages...)
	stages[0].Window = w
	return Protocol{Stages: stages}
}

// The screen asks for the state every second: it must stay far below a
// millisecond at the end of a long, busy course.
func BenchmarkStateAtHour71With200Events(b *testing.B) {
	c := courseWithEvents(200)
	now := t0.Add(71 * time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		_ = c.StateAt(now)
	}
}

func BenchmarkTransitionsOfOneSecondAtHour71(b *testing.B) {
	c := courseWithEvents(200)
	now := t0.Add(71 * time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Transitions(now, now.Add(time.Second))
	}
}

// The timer screen asks for the next two transitions: on a course that
// changes every second this used to work out eight days of them.
func BenchmarkUpcomingOfOneSecondCycleAtOneHour(b *testing.B) {
	c := oneSecondCycle()
	now := t0.Add(time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		_ = c.Upcoming(now, 2)
	}
}
