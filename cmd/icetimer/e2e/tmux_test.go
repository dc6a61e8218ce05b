package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// tmuxServer is a private tmux server for a test, with a state directory of
// its own for the icetimers it runs.
type tmuxServer struct {
	t     *testing.T
	sock  string
	state string // XDG_STATE_HOME
	env   string // "env XDG_STATE_HOME=... " for commands
}

var tmuxServers atomic.Int64

// newTmux starts nothing yet: windows come with run. It skips under -short
// and when tmux is missing (failing under CI=true).
func newTmux(t *testing.T) *tmuxServer {
	t.Helper()
	return newTmuxIn(t, filepath.Join(t.TempDir(), "state"))
}

// newTmuxIn is newTmux with state as the windows' XDG_STATE_HOME.
func newTmuxIn(t *testing.T, state string) *tmuxServer {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		skipOrFail(t, "tmux is not installed")
	}
	s := &tmuxServer{t: t, sock: fmt.Sprintf("icetimer-%d-%d", os.Getpid(), tmuxServers.Add(1)), state: state}
	s.env = fmt.Sprintf("env XDG_STATE_HOME=%s XDG_CONFIG_HOME=%s DBUS_SESSION_BUS_ADDRESS=unix:path=%s ", s.state, configHome, filepath.Join(t.TempDir(), "no-bus"))
	t.Cleanup(s.close)
	return s
}

// close ends what the test started: the icetimers in the windows first,
// killed, since a screen whose terminal closes hands its course to a
// background run (issue 21), which the test did not ask for; then the
// server; then any background run a test handed a course to.
func (s *tmuxServer) close() {
	if out, err := exec.Command("tmux", "-L", s.sock, "list-panes", "-a", "-F", "#{pane_pid}").Output(); err == nil {
		for _, f := range strings.Fields(string(out)) {
			var pid int
			if _, err := fmt.Sscan(f, &pid); err == nil {
				if p, err := os.FindProcess(pid); err == nil {
					_ = p.Kill()
				}
			}
		}
	}
	_ = exec.Command("tmux", "-L", s.sock, "kill-server").Run()
	stopDrivers(s.t, filepath.Join(s.state, "icetimer"))
}

// tmux runs a tmux command on the server.
func (s *tmuxServer) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.sock}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// run starts command in a new 80x24 window named name.
func (s *tmuxServer) run(name, command string) { s.runSized(name, 80, 24, command) }

// runSized starts command in a new window named name; the first window sets
// the size of all.
func (s *tmuxServer) runSized(name string, width, height int, command string) {
	s.t.Helper()
	if exec.Command("tmux", "-L", s.sock, "has-session").Run() != nil {
		s.tmux("new-session", "-d", "-s", "t", "-n", name, "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), s.env+command)
		return
	}
	s.tmux("new-window", "-t", "t", "-n", name, s.env+command)
}

// driveAndView starts a screen driving a course of ice first (icetimer
// start with args) in window "driver", then a read-only view of it in
// window "view", and waits until each shows.
func (s *tmuxServer) driveAndView(args string) {
	s.t.Helper()
	s.run("driver", binary+" start "+args)
	s.waitFor("driver", "ICE ON", 10*time.Second)
	s.run("view", binary)
	s.waitFor("view", "Read-only: process", 10*time.Second)
}

// screen is window name's text now.
func (s *tmuxServer) screen(name string) string { return s.tmux("capture-pane", "-p", "-t", "t:"+name) }

// keys sends keys to window name.
func (s *tmuxServer) keys(name string, keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", "t:" + name}, keys...)...)
}

// pid is the process running in window name.
func (s *tmuxServer) pid(name string) int {
	var pid int
	fmt.Sscan(s.tmux("list-panes", "-t", "t:"+name, "-F", "#{pane_pid}"), &pid)
	return pid
}

// waitFor waits up to within for window name's screen to contain text.
func (s *tmuxServer) waitFor(name, text string, within time.Duration) string {
	s.t.Helper()
	deadline := time.Now().Add(within)
	for {
		screen := s.screen(name)
		if strings.Contains(screen, text) {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited %v for %q in window %s:\n%s", within, text, name, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
