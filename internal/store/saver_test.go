package store

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

func TestSaverNeverWritesAnOlderCourseOverANewerOne(t *testing.T) {
	s, err := OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sv := NewSaver(s)
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	older := schedule.Course{Preset: "custom", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}}}}}}
	newer := older
	newer.Events = []schedule.Event{{Type: schedule.Pause, At: start.Add(time.Minute)}}

	first, second := sv.Ticket(), sv.Ticket()
	if err := sv.Save(second, newer, start.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := sv.Save(first, older, start.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil || len(got.Events) != 1 {
		t.Fatalf("saved course has %d events (%v), want the newer one's 1", len(got.Events), err)
	}
}

func TestSaverArchivesACourseThatIsOver(t *testing.T) {
	s, err := OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sv := NewSaver(s)
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	c := schedule.Course{Preset: "custom", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}}}}},
		Events: []schedule.Event{{Type: schedule.Stop, At: start.Add(time.Minute)}}}
	if err := sv.Save(sv.Ticket(), c, start.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(); err != ErrNoCourse {
		t.Errorf("a stopped course is still saved: %v", err)
	}
	records, _, err := s.History()
	if err != nil || len(records) != 1 || records[0].Reason != Stopped {
		t.Errorf("history %+v, %v; want the stopped course", records, err)
	}
}

func TestRemindedRoundTrips(t *testing.T) {
	s, err := OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Reminded(); ok {
		t.Fatal("a new store has a reminded instant")
	}
	at := time.Date(2026, 11, 21, 8, 0, 0, 5, time.FixedZone("X", 3600))
	if err := s.SaveReminded(at); err != nil {
		t.Fatal(err)
	}
	if got, ok := s.Reminded(); !ok || !got.Equal(at) {
		t.Errorf("reminded %v %v, want %v", got, ok, at)
	}
}
