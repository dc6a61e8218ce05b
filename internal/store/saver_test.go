package store

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// saverCourse is a store in a temp dir, a Saver on it, and a 20-minute ice
// course starting at saverStart.
func saverCourse(t *testing.T) (*Store, *Saver, schedule.Course) {
	t.Helper()
	s, err := OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	c := schedule.Course{Preset: "custom", Start: saverStart, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}}}}}}
	return s, NewSaver(s), c
}

var saverStart = time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)

func TestSaverNeverWritesAnOlderCourseOverANewerOne(t *testing.T) {
	s, sv, older := saverCourse(t)
	newer := older
	newer.Events = []schedule.Event{{Type: schedule.Pause, At: saverStart.Add(time.Minute)}}

	first, second := sv.Ticket(), sv.Ticket()
	if err := sv.Save(second, newer, saverStart.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := sv.Save(first, older, saverStart.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil || len(got.Events) != 1 {
		t.Fatalf("saved course has %d events (%v), want the newer one's 1", len(got.Events), err)
	}
}

func TestSaverArchivesACourseThatIsOver(t *testing.T) {
	s, sv, c := saverCourse(t)
	c.Events = []schedule.Event{{Type: schedule.Stop, At: saverStart.Add(time.Minute)}}
	if err := sv.Save(sv.Ticket(), c, saverStart.Add(time.Minute)); err != nil {
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
