package store

import (
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// A course's skin check, its asking "Is it on?" and the answers it got are
// kept in state.json and history; a course without them is written as
// before, and one saved before them reads back with neither.
func TestSkinCheckAndConfirmationsAreKept(t *testing.T) {
	s := newTestStore(t)
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	old := testCourse(start, time.UTC)
	data, err := encodeState(old)
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"skin_check_seconds", "confirm_put_on"} {
		if strings.Contains(string(data), field) {
			t.Fatalf("a course without it names %s: %s", field, data)
		}
	}

	c := old
	c.SkinCheck, c.ConfirmPutOn = 8*time.Minute, true
	c.Events = append(c.Events,
		schedule.Event{Type: schedule.Confirm, At: start.Add(time.Minute)},
		schedule.Event{Type: schedule.SkinOK, At: start.Add(9 * time.Minute)},
		schedule.Event{Type: schedule.Numb, At: start.Add(10 * time.Minute)})
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got.SkinCheck != 8*time.Minute || !got.ConfirmPutOn || len(got.Events) != len(c.Events) {
		t.Fatalf("loaded skin check %v, asks %v, events %+v", got.SkinCheck, got.ConfirmPutOn, got.Events)
	}
	for i, e := range c.Events {
		if got.Events[i].Type != e.Type || !got.Events[i].At.Equal(e.At) {
			t.Fatalf("event %d loaded as %+v, saved %+v", i, got.Events[i], e)
		}
	}
	if err := s.Archive(c, start.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	records, warnings, err := s.Recent(start)
	if err != nil || len(warnings) > 0 || len(records) != 1 || records[0].Course.SkinCheck != 8*time.Minute || len(records[0].Course.NumbAt()) != 1 {
		t.Fatalf("history %+v, %v, %v", records, warnings, err)
	}

	if err := s.Save(old); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Load(); err != nil || got.SkinCheck != 0 || got.ConfirmPutOn {
		t.Fatalf("a course saved before them loads as %+v, %v", got, err)
	}
}
