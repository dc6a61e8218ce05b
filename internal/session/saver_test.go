package session

import (
	"errors"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

func TestSaveNeverWritesAnOlderCourseOverANewerOne(t *testing.T) {
	s, _ := openAt(t, t.TempDir(), testStart.Add(2*time.Minute))
	older := iceCourse(testStart)
	newer := older
	newer.Events = []schedule.Event{{Type: schedule.Pause, At: testStart.Add(time.Minute)}}

	first, second := s.Ticket(), s.Ticket()
	if err := s.Save(second, newer); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(first, older); err != nil {
		t.Fatal(err)
	}
	got, err := s.Store().Load()
	if err != nil || len(got.Events) != 1 {
		t.Fatalf("saved course has %d events (%v), want the newer one's 1", len(got.Events), err)
	}
}

func TestSaveMovesACourseThatIsOverToHistory(t *testing.T) {
	s, _ := openAt(t, t.TempDir(), testStart.Add(time.Minute))
	c := iceCourse(testStart)
	c.Events = []schedule.Event{{Type: schedule.Stop, At: testStart.Add(time.Minute)}}
	if err := s.Save(s.Ticket(), c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Store().Load(); !errors.Is(err, store.ErrNoCourse) {
		t.Errorf("a stopped course is still saved: %v", err)
	}
	records, _, err := s.Store().History()
	if err != nil || len(records) != 1 || records[0].Reason != store.Stopped {
		t.Errorf("history %+v, %v; want the stopped course", records, err)
	}
}
