package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDigitsFillA120x40Pane runs the built binary in a 120x40 tmux pane and
// measures the big digits on the captured screen: the rows drawn in blocks
// between the headline's bar and the "left, until" line must be 15 or more,
// so that the minutes read from across a room.
func TestDigitsFillA120x40Pane(t *testing.T) {
	skipInShort(t)
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
	sock := fmt.Sprintf("icetimer-big-%d", os.Getpid())
	run := fmt.Sprintf("env LANG=C.UTF-8 XDG_STATE_HOME=%s XDG_CONFIG_HOME=%s %s start --cycle 'ice 20 min, rest 20 min'",
		filepath.Join(dir, "state"), filepath.Join(dir, "config"), bin)
	if out, err := exec.Command("tmux", "-L", sock, "new-session", "-d", "-x", "120", "-y", "40", run).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		_ = exec.Command("tmux", "-L", sock, "send-keys", "q").Run()
		_ = exec.Command("tmux", "-L", sock, "kill-server").Run()
	})
	var screen string
	for deadline := time.Now().Add(10 * time.Second); ; {
		out, err := exec.Command("tmux", "-L", sock, "capture-pane", "-p").Output()
		if err != nil {
			t.Fatalf("capture-pane: %v", err)
		}
		screen = string(out)
		if strings.Contains(screen, " left, until ") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited 10s for the countdown; screen:\n%s", screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
	rows, in := 0, false
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "ICE ON") {
			in = true
		} else if strings.Contains(l, " left, until ") {
			break
		} else if in && strings.ContainsAny(l, "█▀▄") {
			rows++
		}
	}
	if rows < 15 {
		t.Fatalf("the digits are %d rows tall at 120x40, want 15 or more:\n%s", rows, screen)
	}
	t.Logf("digits: %d rows at 120x40", rows)
}
