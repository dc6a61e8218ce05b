package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestReadOnlyStoreOnAMissingDirectoryCreatesNothing(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "icetimer")
	s := ReadOnly(dir)
	if _, err := s.Load(); !errors.Is(err, ErrNoCourse) {
		t.Errorf("Load = %v, want ErrNoCourse", err)
	}
	if records, warnings, err := s.History(); err != nil || len(records)+len(warnings) > 0 {
		t.Errorf("History = %v, %q, %v; want an empty history", records, warnings, err)
	}
	if _, ok := s.Reminded(); ok {
		t.Error("Reminded found an instant in a missing directory")
	}
	c := testCourse(time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC), time.UTC)
	writes := map[string]func() error{
		"Save":          func() error { return s.Save(c) },
		"Archive":       func() error { return s.Archive(c, c.Start.Add(time.Hour)) },
		"SaveReminded":  func() error { return s.SaveReminded(c.Start) },
		"ClearReminded": s.ClearReminded,
		"Lock": func() error {
			release, err := s.Lock()
			if err == nil {
				release()
			}
			return err
		},
	}
	for name, write := range writes {
		if err := write(); !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "read-only") {
			t.Errorf("%s = %v, want an error saying the store is read-only", name, err)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) > 0 {
		t.Fatalf("a read-only store created %v", entries[0].Name())
	}
}

func TestReadOnlyStoreLeavesABrokenFileWhereItIs(t *testing.T) {
	w := newTestStore(t)
	broken := []byte(`{"version": 1, "course": {"preset": `)
	if err := os.WriteFile(w.StatePath(), broken, 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(w.StatePath())
	s := ReadOnly(w.Dir())
	_, err := s.Load()
	var be *BrokenError
	if !errors.As(err, &be) || be.MovedTo != "" {
		t.Fatalf("Load = %v, want a *BrokenError with nothing moved", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, w.StatePath()) || !strings.Contains(msg, "will move it aside") || strings.Contains(msg, "\n") {
		t.Errorf("error %q should name the file and say, in one line, that the driving icetimer will move it", msg)
	}
	after, statErr := os.Stat(w.StatePath())
	if data, _ := os.ReadFile(w.StatePath()); statErr != nil || string(data) != string(broken) ||
		after.Mode() != before.Mode() || !after.ModTime().Equal(before.ModTime()) {
		t.Fatalf("the broken file was changed: %v", statErr)
	}
	if entries, _ := os.ReadDir(w.Dir()); len(entries) != 1 {
		t.Fatalf("the directory holds %d entries, want state.json alone", len(entries))
	}
}
