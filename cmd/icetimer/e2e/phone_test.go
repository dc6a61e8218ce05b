//go:build !windows

package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy/ntfytest"
)

// Issue 13 through the config file: `run` publishes every reminder to the
// phone's server and runs the on_change hook at every change.
func TestRunReachesThePhoneAndTheHookFromTheConfigFile(t *testing.T) {
	srv := ntfytest.New(t, "my-back", "tk_secret", time.Now)
	config, state := t.TempDir(), t.TempDir()
	hookOut := filepath.Join(t.TempDir(), "events")
	file := fmt.Sprintf("[ntfy]\nurl = %q\ntopic = \"my-back\"\ntoken = \"tk_secret\"\n\n[hooks]\non_change = 'echo $ICETIMER_EVENT >> %s'\n", srv.URL, hookOut)
	if err := writeConfig(config, testConfig+file); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "run", "--cycle", "ice 1s, rest 1s", "--window", "2s", "--quiet", "off", "--sound", "off")
	cmd.Env = append(stateEnv(state), "XDG_CONFIG_HOME="+config)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("run: %v\n%s%s", err, out.String(), errb.String())
	}
	if strings.Contains(out.String()+errb.String(), "tk_secret") {
		t.Fatal("the token was printed")
	}
	var titles []string
	for _, r := range srv.Requests() {
		if r.Refused != "" {
			t.Errorf("the server refused %s %s: %s", r.Method, r.Path, r.Refused)
		}
		if r.Method == "POST" && r.Header.Get("At") == "" {
			titles = append(titles, r.Header.Get("Title"))
		}
	}
	// Every reminder run printed reached the phone and the hook, in order
	// (a slow start may merge the first changes into one catch-up).
	var want []string
	for line := range strings.Lines(out.String()) {
		if _, ok := reminderInstant(line, time.Now()); ok && !strings.Contains(line, "Desktop notification") {
			_, action, _ := strings.Cut(strings.TrimSpace(line), "  ")
			action, _, _ = strings.Cut(action, ". ")
			want = append(want, action)
		}
	}
	if len(want) < 2 || want[len(want)-1] != "Course finished" || !slices.Equal(titles, want) {
		t.Errorf("published %q, want what run printed, ending the course: %q\n%s", titles, want, srv.Log())
	}
	events, _ := os.ReadFile(hookOut)
	if got := strings.Fields(string(events)); len(got) != len(want) || got[len(got)-1] != "done" {
		t.Errorf("the hook saw %q, want one event per reminder (%d), the last done", got, len(want))
	}
}

// Issue 13, the computer dies: `icetimer run` is killed with SIGKILL right
// after its first reminder; the change after it is still scheduled on the
// phone's server, at its instant, so the phone rings anyway.
func TestThePhoneRingsAfterRunIsKilled(t *testing.T) {
	srv := ntfytest.New(t, "my-back", "", time.Now)
	config := t.TempDir()
	if err := writeConfig(config, testConfig+fmt.Sprintf("[ntfy]\nurl = %q\ntopic = \"my-back\"\n", srv.URL)); err != nil {
		t.Fatal(err)
	}
	p := startIcetimerEnv(t, t.TempDir(), []string{"XDG_CONFIG_HOME=" + config},
		"run", "--cycle", "ice 20s, rest 20s", "--quiet", "off", "--sound", "off")
	first, ok := p.nextReminder(10 * time.Second)
	if !ok {
		t.Fatalf("no first reminder; stderr %q", p.stderr.String())
	}
	start, _ := reminderInstant(first.text, first.at)
	deadline := time.Now().Add(5 * time.Second)
	for len(srv.Scheduled()) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("nothing scheduled on the server within 5 s:\n%s", srv.Log())
		}
		time.Sleep(20 * time.Millisecond)
	}
	p.kill(t)
	got := srv.Scheduled()
	if len(got) != 1 || got[0].Title != "Remove the ice pack" || got[0].Priority != "5" || !got[0].At.Equal(start.Add(20*time.Second)) {
		t.Fatalf("scheduled after the kill %+v, want the 20 s removal at %v, priority 5\n%s", got, start.Add(20*time.Second), srv.Log())
	}
}
