package main

import (
	"bufio"
	"bytes"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestRunUsageErrors(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	for _, args := range [][]string{
		{"run", "no-such-preset"},
		{"run", "--cycle", "ice 0s"},
		{"run", "ice-20-20", "--cycle", "ice 1s"},
		{"run", "--cycle", "ice 1s", "--quiet", "noon"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != exitUsage || stdout.Len() != 0 ||
			strings.Count(stderr.String(), "\n") != 1 || !strings.HasPrefix(stderr.String(), "icetimer: ") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line on stderr", args, code, stdout.String(), stderr.String())
		}
	}
}

// With nothing to resume, run says so: exit 3, like status.
func TestRunWithNoCourseToResume(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	var stdout, stderr bytes.Buffer
	if code := run([]string{"run"}, &stdout, &stderr); code != exitNoCourse || !strings.Contains(stderr.String(), "no saved course") {
		t.Errorf("run with nothing saved: exit %d, stderr %q; want exit 3 and a message", code, stderr.String())
	}
}

func TestRunEndsCleanlyOnSignals(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	bin := buildIcetimer(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "run", "ice-20-20", "--quiet", "off")
			cmd.Env = isolatedEnv(t, "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent")
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			sc := bufio.NewScanner(stdout)
			if !sc.Scan() || !strings.Contains(sc.Text(), "Put the ice pack on. Ice 20 min, until ") {
				t.Fatalf("first line %q, want the start reminder", sc.Text())
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			var rest []string
			for sc.Scan() {
				rest = append(rest, sc.Text())
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("run after %v: %v, want exit status 0", sig, err)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("run did not exit within 10 s of %v", sig)
			}
			last := rest[len(rest)-1]
			if !regexp.MustCompile(`^\d\d:\d\d:\d\d  Reminders stopped\. Now: ice until \d\d:\d\d\.$`).MatchString(last) {
				t.Errorf("last line %q, want it to say reminders stopped and where the course stands", last)
			}
		})
	}
}
