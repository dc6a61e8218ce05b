//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/safety"
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
	{"Replied", nil, func(s *Store) error { s.Replied(hostileStart); return nil }},
	{"SaveReplied", []string{repliedName}, func(s *Store) error { return s.SaveReplied(hostileStart, "m00000000001") }},
	{"SaveSafety", []string{safetyName}, func(s *Store) error {
		return s.SaveSafety(safety.Answers{At: hostileStart, Yes: map[safety.ID]bool{safety.Raynaud: false}})
	}},
	{"SafetyAnswers", []string{safetyName}, func(s *Store) error {
		if _, err := s.SafetyAnswers(); !errors.Is(err, ErrNoAnswers) {
			return err
		}
		return nil
	}},
	{"ForgetSafety", []string{safetyName}, func(s *Store) error { return s.ForgetSafety() }},
	{"OpenRunLog", []string{runLogName}, func(s *Store) error { return closeLog(s.OpenRunLog()) }},
	{"OpenHookLog", []string{hookLogName}, func(s *Store) error { return closeLog(s.OpenHookLog()) }},
	{"Archive", []string{stateName, historyName}, func(s *Store) error {
		return s.Archive(hostileCourse(), hostileStart.Add(time.Hour))
	}},
}

// closeLog closes a log that opened, and passes on why it did not.
func closeLog(f *os.File, err error) error {
	if err == nil {
		f.Close()
	}
	return err
}

var hostileStart = time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)

func hostileCourse() schedule.Course { return testCourse(hostileStart, time.UTC) }

// Every call meets every plant in every file; under -short, only in the
// files it must refuse (a tenth of the cases, a tenth of the time).
func TestPlantedStateFilesAreNeverFollowed(t *testing.T) {
	for _, name := range append(slices.Clone(stateFiles), runLogName, hookLogName) {
		for _, plant := range testplant.Files {
			for _, readOnly := range []bool{false, true} {
				for _, c := range storeCalls {
					mustFail := slices.Contains(c.files, name)
					if testing.Short() && !mustFail {
						continue
					}
					what := c.name + " with " + name + " a " + plant.Name
					if readOnly {
						what += " (read-only)"
					}
					outside, checkOutside := testplant.Outside(t)
					dir := filepath.Join(t.TempDir(), "icetimer")
					if err := os.Mkdir(dir, dirPerm); err != nil {
						t.Fatal(err)
					}
					path := filepath.Join(dir, name)
					if !testplant.Put(t, plant, path, outside) {
						continue
					}
					s := ReadOnly(dir)
					if !readOnly {
						var err error
						if s, err = OpenDir(dir); err != nil {
							t.Fatalf("OpenDir with %s a %s: %v", name, plant.Name, err)
						}
					}
					err, ok := testplant.Within(t, what, func() error { return c.call(s) })
					if !ok {
						continue
					}
					checkOutside(what)
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
		outside, checkOutside := testplant.Outside(t)
		dir := filepath.Join(t.TempDir(), "icetimer")
		what := "OpenDir on a " + plant.Name
		if !testplant.Put(t, plant, dir, outside) {
			continue
		}
		err, ok := testplant.Within(t, what, func() error { _, err := OpenDir(dir); return err })
		if ok && (err == nil || !strings.Contains(err.Error(), dir)) {
			t.Errorf("%s = %v, want an error naming it", what, err)
		}
		checkOutside(what)
		s := ReadOnly(dir)
		for _, c := range storeCalls {
			what := c.name + " in a read-only store on a " + plant.Name
			if err, ok := testplant.Within(t, what, func() error { return c.call(s) }); ok && len(c.files) > 0 && err == nil {
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
	loose := map[string]os.FileMode{stateName: 0o644, historyName: 0o666, lockName: 0o640, remindedName: 0o604, repliedName: 0o640, safetyName: 0o644}
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
