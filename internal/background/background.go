// Package background starts `icetimer run` detached from the terminal, so
// that reminders go on after the person quits the timer screen.
package background

import (
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/words"
)

// Keep hands the course s drives to a background `icetimer run` with args:
// its lines go to the state directory's run log, the first saying why it
// took the course over (why, e.g. "the screen's terminal closed"). It
// closes s, telling the processes watching the course that it hands over
// (the run takes the lock), and returns the line that says so.
func Keep(s *session.Session, why string, args ...string) (string, error) {
	log, err := s.Store().OpenRunLog()
	if err != nil {
		return "", err
	}
	defer log.Close()
	args = append(args, "--"+HandOverFlag, why)
	if c, unsaved := s.Unsaved(); unsaved {
		// Its last changes are not in the saved file (a full or read-only
		// disk): the run takes the course as this process drove it.
		if path, err := s.Store().HandOver(c); err == nil {
			args = append(args, "--"+HandedCourseFlag, path)
		}
	}
	s.CloseFor("handed over to a background run: " + why)
	pid, err := Start(log, args...)
	if err != nil {
		return "", err
	}
	return words.Background(pid, log.Name()), nil
}

// Reminding is how a screen reminded, for the run it hands its course to.
type Reminding struct {
	// Repeat is how often a reminder that waits is told again: negative
	// never, zero run's default.
	Repeat time.Duration
	// Sound plays the chimes, Voice says the reminders aloud, KeepAwake
	// keeps the computer awake while a pack is on.
	Sound, Voice, KeepAwake bool
}

// Args are the `icetimer run` arguments that remind as r says.
func Args(r Reminding) []string {
	args := []string{"--sound", onOff(r.Sound), "--voice", onOff(r.Voice), "--keep-awake", onOff(r.KeepAwake)}
	switch {
	case r.Repeat < 0:
		args = append(args, "--repeat", "off")
	case r.Repeat > 0:
		args = append(args, "--repeat", r.Repeat.String())
	}
	return args
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// HandOverFlag is run's hidden flag that says why it took the course over
// from a screen, for the first line of the run log.
const HandOverFlag = "handed-over"

// HandedCourseFlag is run's hidden flag naming the file that holds the
// course as the screen drove it, when its last changes could not be saved
// (store.HandOver).
const HandedCourseFlag = "handed-course"

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
