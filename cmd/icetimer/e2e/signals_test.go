package e2e

import (
	"bufio"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestRunEndsCleanlyOnSignals(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	bin := binary
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "run", "ice-20-20", "--quiet", "off")
			cmd.Env = isolatedEnv(t, "DBUS_SESSION_BUS_ADDRESS=unix:path="+filepath.Join(t.TempDir(), "no-bus"))
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			sc := bufio.NewScanner(stdout)
			if !sc.Scan() || !strings.Contains(sc.Text(), "Put the ice pack on. Ice 20 minutes, until ") {
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
