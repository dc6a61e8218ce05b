package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"time"
)

// bigHistoryCourses is the length of a history of years of heavy use, and
// more: what reading history must not scale with.
const bigHistoryCourses = 100_000

// bigHistoryStart is when the first course of a big history starts; course
// i starts i hours later and is stopped 30 minutes after its start.
var bigHistoryStart = time.Date(2015, 1, 1, 8, 0, 0, 0, time.UTC)

// bigHistoryCourse is the i-th course of a big history, with the instant it
// ended.
func bigHistoryCourse(i int) (start, ended time.Time) {
	start = bigHistoryStart.Add(time.Duration(i) * time.Hour)
	return start, start.Add(30 * time.Minute)
}

// writeBigHistory writes a history of n courses to s, as Archive would
// have, quickly: the line is encoded once and only its instants change.
func writeBigHistory(t testing.TB, s *Store, n int) {
	t.Helper()
	const startMark, endMark = "2001-01-01T01:01:01Z", "2002-02-02T02:02:02Z"
	markStart, _ := time.Parse(time.RFC3339, startMark)
	markEnd, _ := time.Parse(time.RFC3339, endMark)
	c := testCourse(markStart, time.UTC)
	line, err := encodeHistoryLine(stopped(c, markEnd), markEnd)
	if err != nil {
		t.Fatal(err)
	}
	template, err := json.Marshal(line)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(s.HistoryPath(), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, filePerm)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	for i := range n {
		start, ended := bigHistoryCourse(i)
		l := bytes.ReplaceAll(template, []byte(startMark), []byte(start.Format(time.RFC3339)))
		l = bytes.ReplaceAll(l, []byte(endMark), []byte(ended.Format(time.RFC3339)))
		w.Write(l)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

// bestOf is the shortest of five runs of fn: what it costs, less the noise
// of a busy machine.
func bestOf(fn func()) time.Duration {
	best := time.Duration(1<<63 - 1)
	for range 5 {
		start := time.Now()
		fn()
		best = min(best, time.Since(start))
	}
	return best
}

// historyBound is what Load or Recent may take with a big history here: what
// they cost is measured by BenchmarkLoadWithBigHistory and
// BenchmarkRecentWithBigHistory (well under a millisecond); the bound is
// generous, for a loaded machine, and still fails at reading the whole
// history (over a second).
const historyBound = 300 * time.Millisecond

func TestLoadDoesNotScaleWithHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and times a 45 MB history")
	}
	s := newTestStore(t)
	writeBigHistory(t, s, bigHistoryCourses)
	start, ended := bigHistoryCourse(bigHistoryCourses - 1)
	last := stopped(testCourse(start, time.UTC), ended)
	if err := s.Save(last); err != nil {
		t.Fatal(err)
	}
	// The saved course is history's last: an Archive cut short.
	took := bestOf(func() {
		if _, err := s.Load(); err != ErrNoCourse {
			t.Fatalf("Load of the course last in history = %v, want ErrNoCourse", err)
		}
	})
	info, _ := os.Stat(s.HistoryPath())
	t.Logf("Load with %d courses (%d MB) in history: %v", bigHistoryCourses, info.Size()>>20, took)
	if took > historyBound {
		t.Errorf("Load took %v with a big history, want under %v", took, historyBound)
	}

	next := testCourse(ended.Add(time.Hour), time.UTC)
	if err := s.Save(next); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Load(); err != nil || !got.Start.Equal(next.Start) {
		t.Fatalf("Load of a course not in history = %v, %v", got.Start, err)
	}
}
