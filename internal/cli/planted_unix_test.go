//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/testplant"
	"github.com/icetimer/icetimer/internal/ui"
)

// plantedCommands are the command lines run against a planted state
// directory: every command that reads or writes it, and plan, which must not.
var plantedCommands = [][]string{
	{"status"}, {"status", "--json"}, {"history"}, {"stop"}, {"run"},
	{"plan", "ice-20-20", "--hours", "1"},
}

// plantedFiles are the state directory's files.
var plantedFiles = []string{"state.json", "history.jsonl", "state.lock", "reminded"}

// checkAnswer fails the test unless a command's answer is one clean line on
// stderr that names the planted path, or a success (plan, or a command the
// planted file does not concern).
func checkAnswer(t *testing.T, what, path string, code int, stdout, stderr string) {
	t.Helper()
	if strings.ContainsFunc(stdout+stderr, isControl) {
		t.Errorf("%s printed control characters: %q %q", what, stdout, stderr)
	}
	if code == 0 || code == ExitNoCourse {
		return
	}
	if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, path) {
		t.Errorf("%s: exit %d, stderr %q; want one line naming %s", what, code, stderr, path)
	}
}

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
				outside, checkOutside := testplant.Outside(t)
				e := newTestEnv(t)
				dir := e.StateDir
				if err := os.Mkdir(dir, 0o700); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(dir, name)
				if !testplant.Put(t, plant, path, outside) {
					continue
				}
				testplant.Within(t, what, func() error {
					if args[0] == "(read-only screen)" {
						if msg := ui.ReadCourse(store.ReadOnly(dir)); name == "state.json" && (msg.Err == nil || !strings.Contains(msg.Err.Error(), path)) {
							t.Errorf("%s: %+v, want an error naming %s", what, msg, path)
						}
						return nil
					}
					code, stdout, stderr := e.run(args...)
					checkAnswer(t, what, path, code, stdout, stderr)
					if name == "state.json" && args[0] != "plan" && args[0] != "history" && code == 0 {
						t.Errorf("%s succeeded", what)
					}
					return nil
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
			outside, checkOutside := testplant.Outside(t)
			e := newTestEnv(t)
			dir := e.StateDir
			if !testplant.Put(t, plant, dir, outside) {
				continue
			}
			testplant.Within(t, what, func() error {
				code, stdout, stderr := e.run(args...)
				checkAnswer(t, what, dir, code, stdout, stderr)
				return nil
			})
			checkOutside(what)
		}
	}
}
