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

// bigHistoryStore is a store with a big history whose last course is the
// saved one, stopped: Load must find it there without reading the rest.
func bigHistoryStore(b *testing.B) *Store {
	b.Helper()
	s, err := OpenDir(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	writeBigHistory(b, s, bigHistoryCourses)
	start, ended := bigHistoryCourse(bigHistoryCourses - 1)
	if err := s.Save(stopped(testCourse(start, time.UTC), ended)); err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkLoadWithBigHistory(b *testing.B) {
	s := bigHistoryStore(b)
	for b.Loop() {
		if _, err := s.Load(); err != ErrNoCourse {
			b.Fatal(err)
		}
	}
}

func BenchmarkRecentWithBigHistory(b *testing.B) {
	s := bigHistoryStore(b)
	_, lastEnd := bigHistoryCourse(bigHistoryCourses - 1)
	for b.Loop() {
		if _, _, err := s.Recent(lastEnd.Add(-24 * time.Hour)); err != nil {
			b.Fatal(err)
		}
	}
}
