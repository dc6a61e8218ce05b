package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestTimerScreenInTmux runs the real binary in a detached tmux pane: pick a
// preset, watch the countdown fall, pause, see it hold, resume, quit.
func TestTimerScreenInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is missing: CI must install it (.ci/run)")
		}
		t.Skip("tmux is not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "icetimer")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	sock := fmt.Sprintf("icetimer-test-%d", os.Getpid())
	tmux := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	env := fmt.Sprintf("env XDG_STATE_HOME=%s XDG_CONFIG_HOME=%s ", filepath.Join(dir, "state"), filepath.Join(dir, "config"))
	tmux("new-session", "-d", "-x", "80", "-y", "24", env+bin)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", sock, "kill-server").Run() })

	screen := func() string { return tmux("capture-pane", "-p") }
	waitFor := func(what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			s := screen()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("waited 10s for %s; screen:\n%s", what, s)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	contains := func(sub string) func(string) bool { return func(s string) bool { return strings.Contains(s, sub) } }

	waitFor("the picker", contains("pick a cycle"))
	tmux("send-keys", "Enter") // Ice 20 on, 20 off
	waitFor("the settings", contains("Quiet hours"))
	tmux("send-keys", "Enter")
	first := left(t, waitFor("the countdown", contains("ICE ON")))
	waitFor("the countdown to fall", func(s string) bool { return leftOK(s) && left(t, s) < first })

	tmux("send-keys", "Space")
	held := left(t, waitFor("the pause", contains("PAUSED")))
	time.Sleep(1500 * time.Millisecond) // a paused countdown must not move
	if now := left(t, screen()); now != held {
		t.Fatalf("paused countdown moved from %v to %v", held, now)
	}
	tmux("send-keys", "Space")
	waitFor("the resume", contains("ICE ON"))
	waitFor("the countdown to fall again", func(s string) bool { return leftOK(s) && left(t, s) < held })

	tmux("send-keys", "q")
	deadline := time.Now().Add(5 * time.Second)
	for exec.Command("tmux", "-L", sock, "has-session").Run() == nil {
		if time.Now().After(deadline) {
			t.Fatalf("q did not quit; screen:\n%s", screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

var leftRE = regexp.MustCompile(`(\d+):(\d\d) left`)

func leftOK(s string) bool { return leftRE.MatchString(s) }

// left reads the exact remaining time off the screen.
func left(t *testing.T, s string) time.Duration {
	t.Helper()
	m := leftRE.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no remaining time on screen:\n%s", s)
	}
	var min, sec int
	fmt.Sscan(m[1], &min)
	fmt.Sscan(m[2], &sec)
	return time.Duration(min)*time.Minute + time.Duration(sec)*time.Second
}
