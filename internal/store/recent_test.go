package store

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

func TestRecentIsHistoryFromSince(t *testing.T) {
	s := newTestStore(t)
	writeBigHistory(t, s, 6)
	data, _ := os.ReadFile(s.HistoryPath())
	lines := bytes.SplitAfter(data, []byte("\n"))
	// A line from a newer icetimer after the third course, and a torn last
	// line: half of a seventh course.
	newer := []byte(`{"version": 9, "ended_at": "2015-01-01T10:45:00Z", "course": {}}` + "\n")
	damaged := bytes.Join([][]byte{bytes.Join(lines[:3], nil), newer, bytes.Join(lines[3:], nil), lines[0][:len(lines[0])/2]}, nil)
	if err := os.WriteFile(s.HistoryPath(), damaged, filePerm); err != nil {
		t.Fatal(err)
	}
	all, allWarnings, err := s.History()
	if err != nil || len(all) != 6 || len(allWarnings) != 2 {
		t.Fatalf("History = %d courses, %q, %v; want 6 and 2 warnings", len(all), allWarnings, err)
	}
	_, firstEnd := bigHistoryCourse(0)
	_, lastEnd := bigHistoryCourse(5)
	for _, since := range []time.Time{
		{}, firstEnd.Add(-time.Second), firstEnd, firstEnd.Add(time.Second),
		firstEnd.Add(150 * time.Minute), lastEnd, lastEnd.Add(time.Nanosecond),
	} {
		var want []Record
		for _, r := range all {
			if !r.EndedAt.Before(since) {
				want = append(want, r)
			}
		}
		got, warnings, err := s.Recent(since)
		if err != nil {
			t.Fatalf("Recent(%v): %v", since, err)
		}
		if len(got) != len(want) {
			t.Fatalf("Recent(%v) = %d courses, want %d", since, len(got), len(want))
		}
		for i := range got {
			if !got[i].Course.Start.Equal(want[i].Course.Start) || !got[i].EndedAt.Equal(want[i].EndedAt) || got[i].Reason != want[i].Reason {
				t.Errorf("Recent(%v)[%d] = %v ended %v, want %v ended %v", since, i,
					got[i].Course.Start, got[i].EndedAt, want[i].Course.Start, want[i].EndedAt)
			}
		}
		if len(warnings) == 0 || !strings.Contains(warnings[len(warnings)-1], "line 1 from the end") {
			t.Errorf("Recent(%v) warnings %q, want the torn last line first", since, warnings)
		}
	}
	if _, warnings, _ := s.Recent(time.Time{}); len(warnings) != 2 || !strings.Contains(warnings[0], "newer icetimer") {
		t.Errorf("Recent of everything warns %q, want the newer line and the torn one, in the file's order", warnings)
	}
}

func TestRecentOfAMissingHistory(t *testing.T) {
	records, warnings, err := newTestStore(t).Recent(time.Time{})
	if err != nil || len(records)+len(warnings) > 0 {
		t.Fatalf("Recent = %v, %q, %v; want nothing", records, warnings, err)
	}
}

func TestRecentDoesNotScaleWithHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and times a 45 MB history")
	}
	s := newTestStore(t)
	writeBigHistory(t, s, bigHistoryCourses)
	_, lastEnd := bigHistoryCourse(bigHistoryCourses - 1)
	var got []Record
	took := bestOf(func() {
		var err error
		if got, _, err = s.Recent(lastEnd.Add(-24 * time.Hour)); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("Recent of one day with %d courses in history: %v", bigHistoryCourses, took)
	if firstStart, _ := bigHistoryCourse(bigHistoryCourses - 25); len(got) != 25 || !got[0].Course.Start.Equal(firstStart) {
		t.Fatalf("Recent of one day = %d courses, want the last 25 (one an hour, both ends counted)", len(got))
	}
	if took > historyBound {
		t.Errorf("Recent of one day took %v, want under %v", took, historyBound)
	}
}

// Walk gives the courses newest first, each with its line's length, and
// stops when asked: it has then read no further back than that.
func TestWalkGivesTheNewestFirstAndStops(t *testing.T) {
	s := newTestStore(t)
	writeBigHistory(t, s, 5)
	data, _ := os.ReadFile(s.HistoryPath())
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	var starts []time.Time
	warnings, err := s.Walk(func(r Record, lineBytes int) bool {
		i := 4 - len(starts)
		if want, _ := bigHistoryCourse(i); !r.Course.Start.Equal(want) || lineBytes != len(lines[i]) {
			t.Errorf("course %d: start %v, %d bytes; want %v, %d bytes", len(starts), r.Course.Start, lineBytes, want, len(lines[i]))
		}
		starts = append(starts, r.Course.Start)
		return len(starts) < 2
	})
	if err != nil || len(warnings) > 0 || len(starts) != 2 {
		t.Fatalf("Walk gave %d courses, %q, %v; want it to stop after 2", len(starts), warnings, err)
	}
}
