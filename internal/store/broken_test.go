package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBrokenStateIsMovedAside(t *testing.T) {
	good, err := encodeState(testCourse(time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC), time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	replace := func(old, new string) []byte { return []byte(strings.Replace(string(good), old, new, 1)) }
	tests := []struct {
		name    string
		content []byte
		says    string
	}{
		{"empty", nil, "not valid JSON"},
		{"truncated", good[:len(good)/2], "not valid JSON"},
		{"corrupt", []byte("\x00\x00\x00garbage"), "not valid JSON"},
		{"not an object", []byte(`[1, 2]`), "not valid JSON"},
		{"no version", replace(`"version": 1`, `"versio": 1`), "no version"},
		{"newer version", replace(`"version": 1`, `"version": 2`), "newer icetimer"},
		{"zero-length phase", replace(`"seconds": 1200`, `"seconds": 0`), "phase of 0s"},
		{"unknown kind", replace(`"kind": "ice"`, `"kind": "lava"`), `"lava"`},
		{"no stages", replace(`"stages": [`, `"stages": [], "x": [`), "0 stages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestStore(t)
			if err := os.WriteFile(s.StatePath(), tt.content, filePerm); err != nil {
				t.Fatal(err)
			}
			_, err := s.Load()
			var broken *BrokenError
			if !errors.As(err, &broken) {
				t.Fatalf("Load = %v, want a *BrokenError", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, s.StatePath()) || !strings.Contains(msg, tt.says) || !strings.Contains(msg, broken.MovedTo) {
				t.Fatalf("error %q should name %s, say %q and where the file went", msg, s.StatePath(), tt.says)
			}
			if !strings.HasPrefix(filepath.Base(broken.MovedTo), "state.json.broken-") {
				t.Fatalf("moved to %q", broken.MovedTo)
			}
			if kept, err := os.ReadFile(broken.MovedTo); err != nil || string(kept) != string(tt.content) {
				t.Fatalf("the broken file was not kept as it was: %v", err)
			}
			if _, err := s.Load(); !errors.Is(err, ErrNoCourse) {
				t.Fatalf("Load after moving aside = %v, want ErrNoCourse", err)
			}
			fresh := testCourse(time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC), time.UTC)
			if err := s.Save(fresh); err != nil {
				t.Fatal(err)
			}
			if got, err := s.Load(); err != nil || !got.Start.Equal(fresh.Start) {
				t.Fatalf("a fresh course after a broken one: %v, %v", got.Start, err)
			}
		})
	}
}

func TestFailedSaveKeepsThePreviousFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only directories; savefail_linux_test.go covers a failed write")
	}
	s := newTestStore(t)
	c := testCourse(time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC), time.UTC)
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.StatePath())
	if err := os.Chmod(s.Dir(), 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(s.Dir(), dirPerm) })
	c.Events = append(c.Events, nthEvent(c.Start, 0))
	if err := s.Save(c); err == nil || !strings.Contains(err.Error(), s.StatePath()) {
		t.Fatalf("Save into a read-only directory = %v, want an error naming the file", err)
	}
	if after, _ := os.ReadFile(s.StatePath()); string(after) != string(before) {
		t.Fatal("a failed save changed the saved course")
	}
}
