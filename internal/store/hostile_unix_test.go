//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/testplant"
)

// Files planted in the state directory, by mistake or by someone who wants
// icetimer to write elsewhere, must never be followed out of it, hang it, or
// be read into memory without end.

// storeCalls are the store's methods, each called as a process would. Those
// that read or write the named file must fail on a planted one; the others
// may pass it by.
var storeCalls = []struct {
	name  string
	files []string // the files the call must refuse
	call  func(s *Store) error
}{
	{"Load", []string{stateName}, func(s *Store) error {
		_, err := s.Load()
		if errors.Is(err, ErrNoCourse) {
			return nil
		}
		return err
	}},
	{"History", []string{historyName}, func(s *Store) error { _, _, err := s.History(); return err }},
	{"Recent", []string{historyName}, func(s *Store) error { _, _, err := s.Recent(time.Time{}); return err }},
	{"Reminded", nil, func(s *Store) error { s.Reminded(); return nil }},
	{"Lock", []string{lockName}, func(s *Store) error {
		release, err := s.Lock()
		if err == nil {
			release()
		}
		return err
	}},
	{"Save", []string{stateName}, func(s *Store) error { return s.Save(hostileCourse()) }},
	{"SaveReminded", []string{remindedName}, func(s *Store) error { return s.SaveReminded(hostileStart) }},
	{"ClearReminded", nil, func(s *Store) error { return s.ClearReminded() }},
	{"Archive", []string{stateName, historyName}, func(s *Store) error {
		return s.Archive(hostileCourse(), hostileStart.Add(time.Hour))
	}},
}

var hostileStart = time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)

func hostileCourse() schedule.Course { return testCourse(hostileStart, time.UTC) }

// within calls fn, failing the test if it has not returned after 2 s (it is
// left hanging then: a blocked open cannot be cancelled).
func within(t *testing.T, what string, fn func() error) (err error, ok bool) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err, true
	case <-time.After(2 * time.Second):
		t.Errorf("%s did not return within 2s", what)
		return nil, false
	}
}

// outsideDir is a directory outside any state directory, with a file
// "target" in it, and checkOutside fails the test if either changed.
func outsideDir(t *testing.T) (dir string, checkOutside func(what string)) {
	t.Helper()
	dir = t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("not icetimer's\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, func(what string) {
		t.Helper()
		entries, _ := os.ReadDir(dir)
		info, _ := os.Stat(target)
		data, _ := os.ReadFile(target)
		dirInfo, _ := os.Stat(dir)
		if len(entries) != 1 || string(data) != "not icetimer's\n" || info.Mode().Perm() != 0o644 || dirInfo.Mode().Perm() != 0o755 {
			t.Errorf("%s changed what is outside the state directory (%d entries)", what, len(entries))
		}
	}
}

func TestPlantedStateFilesAreNeverFollowed(t *testing.T) {
	for _, name := range stateFiles {
		for _, plant := range testplant.Files {
			for _, readOnly := range []bool{false, true} {
				for _, c := range storeCalls {
					what := c.name + " with " + name + " a " + plant.Name
					if readOnly {
						what += " (read-only)"
					}
					outside, checkOutside := outsideDir(t)
					dir := filepath.Join(t.TempDir(), "icetimer")
					if err := os.Mkdir(dir, dirPerm); err != nil {
						t.Fatal(err)
					}
					path := filepath.Join(dir, name)
					if err := plant.Make(path, outside); errors.Is(err, testplant.ErrNoDevices) {
						t.Logf("%s: %v", what, err)
						continue
					} else if err != nil {
						t.Fatal(err)
					}
					s := ReadOnly(dir)
					if !readOnly {
						var err error
						if s, err = OpenDir(dir); err != nil {
							t.Fatalf("OpenDir with %s a %s: %v", name, plant.Name, err)
						}
					}
					err, ok := within(t, what, func() error { return c.call(s) })
					if !ok {
						continue
					}
					checkOutside(what)
					mustFail := false
					for _, f := range c.files {
						mustFail = mustFail || f == name
					}
					switch {
					case readOnly && errors.Is(err, ErrReadOnly):
					case mustFail && err == nil:
						t.Errorf("%s succeeded, want an error", what)
					case mustFail && (!strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "remove it") || strings.Contains(err.Error(), "\n")):
						t.Errorf("%s: error %q should name %s, in one line, and say to remove it", what, err, path)
					}
				}
			}
		}
	}
}

func TestPlantedStateDirectoryIsNeverFollowed(t *testing.T) {
	for _, plant := range testplant.Dirs {
		outside, checkOutside := outsideDir(t)
		dir := filepath.Join(t.TempDir(), "icetimer")
		what := "OpenDir on a " + plant.Name
		if err := plant.Make(dir, outside); errors.Is(err, testplant.ErrNoDevices) {
			t.Logf("%s: %v", what, err)
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		err, ok := within(t, what, func() error { _, err := OpenDir(dir); return err })
		if ok && (err == nil || !strings.Contains(err.Error(), dir)) {
			t.Errorf("%s = %v, want an error naming it", what, err)
		}
		checkOutside(what)
		s := ReadOnly(dir)
		for _, c := range storeCalls {
			what := c.name + " in a read-only store on a " + plant.Name
			if err, ok := within(t, what, func() error { return c.call(s) }); ok && len(c.files) > 0 && err == nil {
				t.Errorf("%s succeeded, want an error", what)
			}
			checkOutside(what)
		}
	}
}

func TestOpenTightensLooseModes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "icetimer")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	loose := map[string]os.FileMode{stateName: 0o644, historyName: 0o666, lockName: 0o640, remindedName: 0o604}
	for name, mode := range loose {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, nil, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil { // past the umask
			t.Fatal(err)
		}
	}
	modes := func() map[string]os.FileMode {
		m := map[string]os.FileMode{}
		for _, name := range append(stateFiles, ".") {
			info, _ := os.Stat(filepath.Join(dir, name))
			m[name] = info.Mode().Perm()
		}
		return m
	}
	ro := ReadOnly(dir)
	ro.Load()
	ro.History()
	if m := modes(); m["."] != 0o755 || m[stateName] != 0o644 {
		t.Fatalf("a read-only store changed modes: %v", m)
	}
	if _, err := OpenDir(dir); err != nil {
		t.Fatal(err)
	}
	for name, mode := range modes() {
		want := os.FileMode(filePerm)
		if name == "." {
			want = dirPerm
		}
		if mode != want {
			t.Errorf("%s is %v after OpenDir, want %v", name, mode, want)
		}
	}
}
