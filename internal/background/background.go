// Package background starts `icetimer run` detached from the terminal, so
// that reminders go on after the person quits the timer screen.
package background

import (
	"fmt"
	"os"
	"os/exec"

	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/words"
)

// Keep hands the course s drives to a background `icetimer run` with args:
// its lines go to the state directory's run log. It closes s (the run takes
// the lock) and returns the line that says so.
func Keep(s *session.Session, args ...string) (string, error) {
	log, err := s.Store().OpenRunLog()
	if err != nil {
		return "", err
	}
	defer log.Close()
	s.Close()
	pid, err := Start(log, args...)
	if err != nil {
		return "", err
	}
	return words.Background(pid, log.Name()), nil
}

// Start runs this program's `run` with args, detached, its output going to
// log, and returns its process id. The caller must have given the course's
// lock back: the new process takes it.
func Start(log *os.File, args ...string) (pid int, err error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, fmt.Errorf("cannot find icetimer to run in the background: %w", err)
	}
	cmd := exec.Command(exe, append([]string{"run"}, args...)...)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = detached()
	if err := cmd.Start(); err != nil {
		return 0, fmt.Errorf("cannot start icetimer run in the background: %w", err)
	}
	pid = cmd.Process.Pid
	return pid, cmd.Process.Release()
}
