//go:build !windows

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"
)

// Issue 23: Ctrl-C while a hook that runs on and a publish to a phone
// server that never answers are both in flight: run ends within about a
// second (each is bounded by a second, side by side), not the five it took.
func TestRunEndsPromptlyWithAStuckHookAndPhone(t *testing.T) {
	stuck := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stuck:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(stuck)
	config, state := t.TempDir(), t.TempDir()
	file := fmt.Sprintf("[ntfy]\nurl = %q\ntopic = \"my-back\"\n\n[hooks]\non_change = \"sleep 30\"\n", srv.URL)
	if err := writeConfig(config, testConfig+file); err != nil {
		t.Fatal(err)
	}
	p := startIcetimerEnv(t, state, []string{"XDG_CONFIG_HOME=" + config}, "run", "--cycle", "ice 20m, rest 20m", "--quiet", "off", "--sound", "off")
	if _, ok := p.nextReminder(10 * time.Second); !ok {
		t.Fatalf("run did not start:\n%s", p.stderr.String())
	}
	time.Sleep(300 * time.Millisecond) // the hook and the publish are under way
	asked := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	p.wait(t)
	took := time.Since(asked)
	t.Logf("run ended %v after Ctrl-C, with a hook and a publish stuck", took.Round(time.Millisecond))
	if took > 3*time.Second {
		t.Errorf("run took %v to end after Ctrl-C: a stuck hook or phone held it", took)
	}
}
