//go:build !windows

package e2e

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/store"
)

// Issue 9: nothing stops reminders by accident. The driving screen is killed
// with SIGKILL while a read-only view is open: the view drives within 5 s
// (it records the reminders' progress). Then it quits choosing to keep
// reminding: a background icetimer run goes on, writing to run.log.
func TestRemindersSurviveAKilledDriverAndAQuit(t *testing.T) {
	s := newTmux(t)
	s.driveAndView("--cycle 'ice 3s, rest 3s' --quiet off")

	marker := filepath.Join(s.state, "icetimer", "reminded")
	if err := syscall.Kill(s.pid("driver"), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	s.waitFor("view", "this screen reminds you now", 5*time.Second)
	for {
		if info, err := os.Stat(marker); err == nil && info.ModTime().After(killed) {
			break // the view announced a change: it drives
		}
		if time.Since(killed) > 12*time.Second {
			t.Fatalf("the view took over but recorded no reminder within 12 s:\n%s", s.screen("view"))
		}
		time.Sleep(100 * time.Millisecond)
	}

	s.keys("view", "q")
	s.waitFor("view", "background?", 5*time.Second)
	s.keys("view", "y")
	log := filepath.Join(s.state, "icetimer", "run.log")
	deadline := time.Now().Add(12 * time.Second)
	for {
		data, _ := os.ReadFile(log)
		if strings.Count(string(data), "\n") >= 1 && strings.Contains(string(data), "  ") {
			t.Cleanup(func() { stopBackgroundRun(t, s) })
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no reminder in %s within 12 s of quitting: %q", log, data)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// stopBackgroundRun ends the background run: the lock's holder.
func stopBackgroundRun(t *testing.T, s *tmuxServer) {
	release, err := openTestStore(t, s.state).Lock()
	var locked *store.LockedError
	switch {
	case errors.As(err, &locked) && locked.PID > 0:
		_ = syscall.Kill(locked.PID, syscall.SIGTERM)
	case err == nil:
		release()
		t.Error("no process held the course after quitting with reminders kept")
	}
}

// A driving screen quit with "keep reminding" hands the course to a
// background run, and a view open meanwhile leaves the course to that run:
// the run drives it (not the view, which follows it), and run.log says
// nothing of a course in use.
func TestAViewLeavesTheCourseToTheBackgroundRun(t *testing.T) {
	s := newTmux(t)
	s.driveAndView("--cycle 'ice 20m, rest 20m' --quiet off")
	s.keys("driver", "q")
	s.waitFor("driver", "background?", 5*time.Second)
	s.keys("driver", "y")
	s.waitFor("view", "(icetimer run", 10*time.Second)
	t.Cleanup(func() { stopBackgroundRun(t, s) })
	holder, ok := openTestStore(t, s.state).Holder()
	if !ok || !strings.Contains(holder.Command, "icetimer run") {
		t.Fatalf("the course is held by %+v, not the background run:\n%s", holder, s.screen("view"))
	}
	if data, _ := os.ReadFile(filepath.Join(s.state, "icetimer", "run.log")); strings.Contains(string(data), "in use") {
		t.Fatalf("run.log: %s", data)
	}
}
