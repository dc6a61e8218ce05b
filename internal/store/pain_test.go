package store

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

func TestPainAndNextStageGoToStateAndHistory(t *testing.T) {
	s := newTestStore(t)
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	c := testCourse(start, time.UTC)
	c.Events = append(c.Events, schedule.Event{Type: schedule.NextStage, At: start.Add(time.Hour)})
	c.Pain = []schedule.PainScore{
		{At: start.Add(20 * time.Minute), Score: 7, Note: "sharp on the left, café"},
		{At: start.Add(10 * time.Minute), Score: 10}, // given later, for an earlier instant
	}
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pain) != 2 || got.Pain[0] != c.Pain[0] || got.Pain[1].Score != 10 || got.Events[len(got.Events)-1].Type != schedule.NextStage {
		t.Fatalf("loaded pain %+v, events %+v", got.Pain, got.Events)
	}
	if err := s.Archive(c, start.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	records, warnings, err := s.Recent(start)
	if err != nil || len(warnings) > 0 || len(records) != 1 || len(records[0].Course.Pain) != 2 || records[0].Course.Pain[0].Note != c.Pain[0].Note {
		t.Fatalf("history %+v, %v, %v", records, warnings, err)
	}
}

func TestACourseWithNoCheckInsIsWrittenAsBefore(t *testing.T) {
	data, err := encodeState(testCourse(time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC), time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "pain") {
		t.Fatalf("state.json names pain: %s", data)
	}
}

func TestHandEditedPainIsRefused(t *testing.T) {
	c := testCourse(time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC), time.UTC)
	c.Pain = []schedule.PainScore{{At: c.Start.Add(time.Minute), Score: 4, Note: "ok"}}
	good, err := encodeState(c)
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"score 11":     strings.Replace(string(good), `"score": 4`, `"score": 11`, 1),
		"escape codes": strings.Replace(string(good), `"note": "ok"`, `"note": "\u001b[31m"`, 1),
		"no time":      strings.Replace(string(good), `"2026-11-21T08:01:00Z"`, `"0001-01-01T00:00:00Z"`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			if content == string(good) {
				t.Fatal("the edit did not apply")
			}
			s := newTestStore(t)
			if err := os.WriteFile(s.StatePath(), []byte(content), filePerm); err != nil {
				t.Fatal(err)
			}
			var broken *BrokenError
			if _, err := s.Load(); !errors.As(err, &broken) || !strings.Contains(err.Error(), "pain check-in 1") {
				t.Fatalf("Load = %v, want a *BrokenError about the check-in", err)
			}
		})
	}
	bad := c
	bad.Pain = []schedule.PainScore{{At: c.Start, Score: 12}}
	if err := newTestStore(t).Save(bad); err == nil {
		t.Fatal("saved a score of 12")
	}
}
