package store

import (
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

func stopped(c schedule.Course, at time.Time) schedule.Course {
	c.Events = append(append([]schedule.Event(nil), c.Events...), schedule.Event{Type: schedule.Stop, At: at})
	return c
}

func TestArchiveMovesTheCourseToHistory(t *testing.T) {
	s := newTestStore(t)
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	first := testCourse(start, time.UTC)
	if err := s.Save(first); err != nil {
		t.Fatal(err)
	}
	// Replaced: a new course starts while the first runs.
	if err := s.Archive(first, start.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(); !errors.Is(err, ErrNoCourse) {
		t.Fatalf("Load after Archive = %v, want ErrNoCourse", err)
	}
	second := testCourse(start.Add(time.Hour), time.UTC)
	if err := s.Archive(stopped(second, start.Add(2*time.Hour)), start.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	got, warnings, err := s.History()
	if err != nil || len(warnings) > 0 {
		t.Fatalf("History: %v, warnings %v", err, warnings)
	}
	want := []struct {
		start, ended time.Time
		reason       Reason
	}{
		{start, start.Add(time.Hour), Replaced},
		{start.Add(time.Hour), start.Add(2 * time.Hour), Stopped},
	}
	if len(got) != len(want) {
		t.Fatalf("history has %d courses, want %d", len(got), len(want))
	}
	for i, w := range want {
		if !got[i].Course.Start.Equal(w.start) || !got[i].EndedAt.Equal(w.ended) || got[i].Reason != w.reason {
			t.Errorf("history[%d] = start %v, ended %v, %s; want %v, %v, %s",
				i, got[i].Course.Start, got[i].EndedAt, got[i].Reason, w.start, w.ended, w.reason)
		}
	}
	if info, err := os.Stat(s.HistoryPath()); err != nil || (runtime.GOOS != "windows" && info.Mode().Perm() != filePerm) {
		t.Errorf("history mode %v, want %v", info.Mode().Perm(), filePerm)
	}
}

func TestArchiveOfAFinishedCourse(t *testing.T) {
	s := newTestStore(t)
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	p, _ := schedule.PresetByID("ice-20-20")
	c := schedule.Course{Preset: p.ID, Protocol: p.Protocol, Start: start}
	if err := s.Archive(c, start.Add(100*time.Hour)); err != nil {
		t.Fatal(err)
	}
	got, _, _ := s.History()
	if len(got) != 1 || got[0].Reason != Finished || !got[0].EndedAt.Equal(start.Add(72*time.Hour)) {
		t.Fatalf("history = %+v, want one course finished at 72h", got)
	}
}

// An Archive cut short after appending to history, before removing
// state.json, is finished by repeating it; Load meanwhile sees no course.
func TestArchiveCutShortIsNotRepeated(t *testing.T) {
	s := newTestStore(t)
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	c := stopped(testCourse(start, time.UTC), start.Add(time.Hour))
	if err := s.Archive(c, start.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(c); err != nil { // state.json back, as if never removed
		t.Fatal(err)
	}
	if _, err := s.Load(); !errors.Is(err, ErrNoCourse) {
		t.Fatalf("Load of an archived course = %v, want ErrNoCourse", err)
	}
	if err := s.Archive(c, start.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.History(); len(got) != 1 {
		t.Fatalf("history has %d courses after a repeated Archive, want 1", len(got))
	}
	if _, err := os.Stat(s.StatePath()); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("state.json still there: %v", err)
	}
}

func TestTornLastHistoryLine(t *testing.T) {
	s := newTestStore(t)
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	if err := s.Archive(stopped(testCourse(start, time.UTC), start.Add(time.Hour)), start.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	whole, _ := os.ReadFile(s.HistoryPath())
	// A crash mid-append: half of a second line, no newline.
	torn := append(append([]byte(nil), whole...), whole[:len(whole)/2]...)
	if err := os.WriteFile(s.HistoryPath(), torn, filePerm); err != nil {
		t.Fatal(err)
	}
	got, warnings, err := s.History()
	if err != nil || len(got) != 1 {
		t.Fatalf("History with a torn line = %d courses, %v; want 1 and no error", len(got), err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "line 2") || !strings.Contains(warnings[0], s.HistoryPath()) {
		t.Fatalf("warnings = %q, want one naming line 2 of the file", warnings)
	}

	// The next course goes on a line of its own, not onto the torn one.
	next := testCourse(start.Add(2*time.Hour), time.UTC)
	if err := s.Archive(stopped(next, start.Add(3*time.Hour)), start.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	got, warnings, _ = s.History()
	if len(got) != 2 || !got[1].Course.Start.Equal(next.Start) || len(warnings) != 1 {
		t.Fatalf("after appending past a torn line: %d courses, warnings %q", len(got), warnings)
	}
}

func TestHistoryLineFromANewerVersionIsSkipped(t *testing.T) {
	s := newTestStore(t)
	if err := os.WriteFile(s.HistoryPath(), []byte(`{"version": 9, "course": {}}`+"\n"), filePerm); err != nil {
		t.Fatal(err)
	}
	got, warnings, err := s.History()
	if err != nil || len(got) != 0 || len(warnings) != 1 || !strings.Contains(warnings[0], "newer icetimer") {
		t.Fatalf("History = %d, %q, %v", len(got), warnings, err)
	}
}

// A line longer than any icetimer writes (damage, a file that is not
// history) is skipped with a warning, never held in memory whole.
func TestHistoryLineTooLongIsSkipped(t *testing.T) {
	s := newTestStore(t)
	writeBigHistory(t, s, 2)
	data, _ := os.ReadFile(s.HistoryPath())
	first, second, _ := strings.Cut(string(data), "\n")
	huge := strings.Repeat("x", maxLine+1) // one byte too many, newline aside
	if err := os.WriteFile(s.HistoryPath(), []byte(first+"\n"+huge+"\n"+second), filePerm); err != nil {
		t.Fatal(err)
	}
	for name, read := range map[string]func() ([]Record, []string, error){
		"History": s.History,
		"Recent":  func() ([]Record, []string, error) { return s.Recent(time.Time{}) },
	} {
		got, warnings, err := read()
		if err != nil || len(got) != 2 || len(warnings) != 1 || !strings.Contains(warnings[0], "longer than 16 MiB") {
			t.Errorf("%s = %d courses, %q, %v; want 2 and a warning about the long line", name, len(got), warnings, err)
		}
	}
}
