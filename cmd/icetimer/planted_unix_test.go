//go:build unix

package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/testplant"
)

// plantedCommands are the command lines run against a planted state
// directory: every command that reads or writes it, and plan, which must not.
var plantedCommands = [][]string{
	{"status"}, {"status", "--json"}, {"history"}, {"stop"}, {"run"},
	{"plan", "ice-20-20", "--hours", "1"},
}

// plantedFiles are the state directory's files.
var plantedFiles = []string{"state.json", "history.jsonl", "state.lock", "reminded"}

// answerWithin runs fn, failing the test if it has not returned after 2 s
// (it is left hanging then: a blocked open cannot be cancelled).
func answerWithin(t *testing.T, what string, fn func()) bool {
	t.Helper()
	done := make(chan struct{})
	go func() { fn(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(2 * time.Second):
		t.Errorf("%s did not answer within 2 s", what)
		return false
	}
}

// outsideUnchanged is a directory outside the state directory with a file
// "target" in it, and a check that fails the test if either changed.
func outsideUnchanged(t *testing.T) (dir string, check func(what string)) {
	dir = t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("not icetimer's\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, func(what string) {
		t.Helper()
		entries, _ := os.ReadDir(dir)
		data, _ := os.ReadFile(target)
		info, _ := os.Stat(target)
		if len(entries) != 1 || string(data) != "not icetimer's\n" || info.Mode().Perm() != 0o644 {
			t.Errorf("%s changed what is outside the state directory", what)
		}
	}
}

// checkAnswer fails the test unless a command's answer is one clean line on
// stderr that names the planted path, or a success (plan, or a command the
// planted file does not concern).
func checkAnswer(t *testing.T, what, path string, code int, stdout, stderr string) {
	t.Helper()
	if strings.ContainsFunc(stdout+stderr, isControl) {
		t.Errorf("%s printed control characters: %q %q", what, stdout, stderr)
	}
	if code == 0 || code == exitNoCourse {
		return
	}
	if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, path) {
		t.Errorf("%s: exit %d, stderr %q; want one line naming %s", what, code, stderr, path)
	}
}

func isControl(r rune) bool { return r != '\n' && (r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0) }

// Every command answers within 2 s, with a clear message naming what was
// planted, and touches nothing outside the state directory, whatever is
// planted in place of each state file: a link out, a dangling link, a link to
// /dev/zero, a named pipe, a device or a directory. The read-only screen's
// reading of the course does the same.
func TestCommandsWithPlantedStateFiles(t *testing.T) {
	for _, name := range plantedFiles {
		for _, plant := range testplant.Files {
			for _, args := range append(plantedCommands, []string{"(read-only screen)"}) {
				what := strings.Join(args, " ") + " with " + name + " a " + plant.Name
				outside, checkOutside := outsideUnchanged(t)
				state := t.TempDir()
				t.Setenv("XDG_STATE_HOME", state)
				dir := filepath.Join(state, "icetimer")
				if err := os.Mkdir(dir, 0o700); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(dir, name)
				if err := plant.Make(path, outside); errors.Is(err, testplant.ErrNoDevices) {
					t.Logf("%s: %v", what, err)
					continue
				} else if err != nil {
					t.Fatal(err)
				}
				answerWithin(t, what, func() {
					if args[0] == "(read-only screen)" {
						if msg := readCourse(store.ReadOnly(dir)); name == "state.json" && (msg.Err == nil || !strings.Contains(msg.Err.Error(), path)) {
							t.Errorf("%s: %+v, want an error naming %s", what, msg, path)
						}
						return
					}
					code, stdout, stderr := icetimer(args...)
					checkAnswer(t, what, path, code, stdout, stderr)
					if name == "state.json" && args[0] != "plan" && args[0] != "history" && code == 0 {
						t.Errorf("%s succeeded", what)
					}
				})
				checkOutside(what)
			}
		}
	}
}

// The same when the state directory itself is planted.
func TestCommandsWithPlantedStateDirectory(t *testing.T) {
	for _, plant := range testplant.Dirs {
		for _, args := range plantedCommands {
			what := strings.Join(args, " ") + " with the state directory a " + plant.Name
			outside, checkOutside := outsideUnchanged(t)
			state := t.TempDir()
			t.Setenv("XDG_STATE_HOME", state)
			dir := filepath.Join(state, "icetimer")
			if err := plant.Make(dir, outside); errors.Is(err, testplant.ErrNoDevices) {
				t.Logf("%s: %v", what, err)
				continue
			} else if err != nil {
				t.Fatal(err)
			}
			answerWithin(t, what, func() {
				code, stdout, stderr := icetimer(args...)
				checkAnswer(t, what, dir, code, stdout, stderr)
			})
			checkOutside(what)
		}
	}
}
