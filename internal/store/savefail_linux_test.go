package store

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fileSizeLimit is the largest file the bigsave helper may write: the course
// it saves is larger, as if the disk were full.
const fileSizeLimit = 4096

func init() {
	// bigsave limits the size of files this process may write, then saves a
	// course too large for the limit. Go ignores SIGXFSZ, so the write fails
	// with EFBIG the way it fails with ENOSPC on a full disk.
	helpers["bigsave"] = func(s *Store) error {
		lim := syscall.Rlimit{Cur: fileSizeLimit, Max: fileSizeLimit}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			return err
		}
		start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
		c := testCourse(start, time.UTC)
		for i := range 200 {
			c.Events = append(c.Events, nthEvent(start, i))
		}
		os.Stdout.WriteString("save: " + errString(s.Save(c)) + "\n")
		return nil
	}
}

func errString(err error) string {
	if err == nil {
		return "ok"
	}
	return err.Error()
}

func TestSaveThatCannotWriteKeepsThePreviousFile(t *testing.T) {
	s := newTestStore(t)
	c := testCourse(time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC), time.UTC)
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.StatePath())
	if len(before) >= fileSizeLimit {
		t.Fatalf("the first course (%d bytes) must fit the %d-byte limit", len(before), fileSizeLimit)
	}
	line := startHelper(t, "bigsave", s.Dir()).expect(t, "save: ")
	if !strings.Contains(line, "file too large") || !strings.Contains(line, s.StatePath()) {
		t.Fatalf("helper said %q, want a failed save naming %s", line, s.StatePath())
	}
	if after, _ := os.ReadFile(s.StatePath()); string(after) != string(before) {
		t.Fatal("a failed save changed the saved course")
	}
	if got, err := s.Load(); err != nil || !got.Start.Equal(c.Start) || len(got.Events) != 0 {
		t.Fatalf("after a failed save Load = %+v, %v", got, err)
	}
	if temps, _ := filepath.Glob(filepath.Join(s.Dir(), "*.tmp-*")); len(temps) > 0 {
		t.Fatalf("a failed save left temp files: %v", temps)
	}
}
