package store

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// benchStore is a store and a course three days into heavy use: 300 events,
// already saved, with 50 courses in history.
func benchStore(b *testing.B) (*Store, schedule.Course) {
	b.Helper()
	s, err := OpenDir(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	for i := range 50 {
		old := testCourse(start.Add(time.Duration(i-60)*72*time.Hour), time.UTC)
		if err := s.Archive(old, old.Start.Add(72*time.Hour)); err != nil {
			b.Fatal(err)
		}
	}
	c := testCourse(start, time.UTC)
	for i := range 300 {
		c.Events = append(c.Events, nthEvent(start, i))
	}
	if err := s.Save(c); err != nil {
		b.Fatal(err)
	}
	return s, c
}

func BenchmarkSave(b *testing.B) {
	s, c := benchStore(b)
	for b.Loop() {
		if err := s.Save(c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	s, _ := benchStore(b)
	for b.Loop() {
		if _, err := s.Load(); err != nil {
			b.Fatal(err)
		}
	}
}
