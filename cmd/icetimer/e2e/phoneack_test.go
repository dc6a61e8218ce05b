//go:build !windows

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/ntfy/ntfytest"
)

// Issue 24: the phone closes the loop. These tests run `icetimer run` with
// a config file that points at the fake ntfy server (ntfytest, faithful to
// ntfy's publish and subscribe API), and press the phone's button as the
// ntfy app does: ntfytest's Press sends the http action of the reminder's
// Actions header, a POST to the reply topic.

// phoneConfig is a config home whose file points at srv, with the
// phone's buttons on (ntfy's ack default) and more settings.
func phoneConfig(t *testing.T, srv *ntfytest.Server, more string) string {
	t.Helper()
	home := t.TempDir()
	file := fmt.Sprintf("[ntfy]\nurl = %q\ntopic = %q\n", srv.URL, srv.Topic)
	if srv.Token != "" {
		file += fmt.Sprintf("token = %q\n", srv.Token)
	}
	if err := writeConfig(home, more+file); err != nil {
		t.Fatal(err)
	}
	return home
}

// lineWith is the next line holding substr, within timeout.
func (p *process) lineWith(substr string, timeout time.Duration) (timedLine, bool) {
	deadline := time.After(timeout)
	for {
		select {
		case l, ok := <-p.lines:
			if !ok {
				return l, false
			}
			if strings.Contains(l.text, substr) {
				return l, true
			}
		case <-deadline:
			return timedLine{}, false
		}
	}
}

// reminderOf is the next reminder line whose action is title (not the line
// that says the desktop missed it), and the change it is for, within
// timeout.
func (p *process) reminderOf(title string, timeout time.Duration) (timedLine, time.Time, bool) {
	deadline := time.Now().Add(timeout)
	for {
		l, ok := p.lineWith("  "+title+".", time.Until(deadline))
		if !ok {
			return l, time.Time{}, false
		}
		if at, ok := reminderInstant(l.text, l.at); ok && strings.HasPrefix(l.text[len("15:04:05  "):], title+".") {
			return l, at, true
		}
	}
}

// published is the index of the reminder for the change at change among
// srv's requests, once the run has published it (within 5 s).
func published(t *testing.T, srv *ntfytest.Server, change time.Time) int {
	t.Helper()
	var at int
	waitFor(t, "the reminder on the phone's server", func() bool {
		for i, r := range srv.Requests() {
			if r.Method == http.MethodPost && r.Header.Get("X-Sequence-ID") == ntfy.SequenceID(change) && r.Header.Get("At") == "" {
				at = i
				return true
			}
		}
		return false
	})
	return at
}

// repeatsAhead is how many repeats of the change at change the server has
// still to ring (the fake server never delivers: the rest are on the
// phone).
func repeatsAhead(srv *ntfytest.Server, change time.Time) int {
	n := 0
	for _, m := range srv.Scheduled() {
		if strings.HasPrefix(m.ID, ntfy.SequenceID(change)+"-") && m.At.After(time.Now()) {
			n++
		}
	}
	return n
}

// The remove reminder fires with its button, its repeats go to the
// phone's server, the computer repeats it every 2 s; the button is
// pressed: the run applies it "from the phone" within 2 s, repeats no
// more, status says nothing repeats, and the server's repeats are deleted.
func TestThePhonesButtonStopsTheRepeats(t *testing.T) {
	srv := ntfytest.New(t, "my-back", "tk_secret", time.Now)
	home := phoneConfig(t, srv, testConfig)
	dir := t.TempDir()
	p := startIcetimerEnv(t, dir, []string{"XDG_CONFIG_HOME=" + home},
		"run", "--cycle", "ice 2s, rest 10m", "--quiet", "off", "--sound", "off", "--repeat", "2s")
	_, on, ok := p.reminderOf("Put the ice pack on", 10*time.Second)
	if !ok {
		t.Fatalf("no put-on reminder; stderr %q", p.stderr.String())
	}
	j := published(t, srv, on)
	putOn := srv.Requests()[j].Header.Get("Actions")
	t.Logf("the Actions header sent with the put-on reminder: %s", putOn)
	if !strings.Contains(putOn, "label=It's on") {
		t.Errorf("the put-on reminder's button: %q, want It's on", putOn)
	}
	_, change, ok := p.reminderOf("Remove the ice pack", 15*time.Second)
	if !ok {
		t.Fatalf("no remove reminder; stderr %q", p.stderr.String())
	}
	i := published(t, srv, change)
	t.Logf("the Actions header sent with the remove reminder: %s", srv.Requests()[i].Header.Get("Actions"))
	waitFor(t, "the repeats on the phone's server", func() bool { return repeatsAhead(srv, change) == 9 })
	if _, _, ok := p.reminderOf("Remove the ice pack (again)", 5*time.Second); !ok {
		t.Fatal("the computer does not repeat the reminder")
	}
	if s, ok := statusOf(t, dir); !ok || !s.Repeating {
		t.Fatalf("status while the reminder repeats: %+v %v", s, ok)
	}

	pressed := time.Now()
	if err := srv.Press(context.Background(), i, "Pack is off"); err != nil {
		t.Fatal(err)
	}
	acked, ok := p.lineWith("(from the phone)", 2*time.Second)
	if !ok {
		t.Fatalf("the press was not applied within 2 s; stderr %q\n%s", p.stderr.String(), srv.Log())
	}
	t.Logf("from the press to %q: %s", acked.text, acked.at.Sub(pressed))
	if l, ok := p.lineWith("(again)", 5*time.Second); ok {
		t.Fatalf("a repeat after the press: %q", l.text)
	}
	waitStatus(t, dir, "the press saved", 2*time.Second, func(s statusNow) bool { return !s.Repeating })
	waitFor(t, "the repeats deleted from the server", func() bool { return repeatsAhead(srv, change) == 0 })
}

// The ack latency: from the press to the run's line that applies it, over
// ten remove reminders, each pressed as it comes.
func TestTheAckLatencyFromThePhone(t *testing.T) {
	srv := ntfytest.New(t, "my-back", "", time.Now)
	home := phoneConfig(t, srv, testConfig)
	p := startIcetimerEnv(t, t.TempDir(), []string{"XDG_CONFIG_HOME=" + home},
		"run", "--cycle", "ice 1s, rest 2s", "--quiet", "off", "--sound", "off", "--repeat", "off")
	var took []time.Duration
	for range 10 {
		_, change, ok := p.reminderOf("Remove the ice pack", 10*time.Second)
		if !ok {
			t.Fatalf("no remove reminder; stderr %q", p.stderr.String())
		}
		i := published(t, srv, change)
		pressed := time.Now()
		if err := srv.Press(context.Background(), i, "Pack is off"); err != nil {
			t.Fatal(err)
		}
		acked, ok := p.lineWith("(from the phone)", 5*time.Second)
		if !ok {
			t.Fatalf("the press for %v was not applied within 5 s\n%s", change, srv.Log())
		}
		took = append(took, acked.at.Sub(pressed))
	}
	median, worst := spread(took)
	t.Logf("ack latency from the phone's button to the run's line, over %d: median %s, worst %s (%v)", len(took), median, worst, took)
	if median > 2*time.Second {
		t.Errorf("median ack latency %s, over 2 s", median)
	}
}

// The driver is killed (-9) between the reminder and the press: the next
// driver, `icetimer run` resuming, applies the press, and deletes the
// repeats the dead one left on the server.
func TestAPressWhileNoDriverRanIsApplied(t *testing.T) {
	srv := ntfytest.New(t, "my-back", "", time.Now)
	home := phoneConfig(t, srv, testConfig)
	dir := t.TempDir()
	env := []string{"XDG_CONFIG_HOME=" + home}
	first := startIcetimerEnv(t, dir, env, "run", "--cycle", "ice 1s, rest 10m", "--quiet", "off", "--sound", "off", "--repeat", "2m")
	_, change, ok := first.reminderOf("Remove the ice pack", 10*time.Second)
	if !ok {
		t.Fatalf("no remove reminder; stderr %q", first.stderr.String())
	}
	i := published(t, srv, change)
	waitFor(t, "the repeats on the phone's server", func() bool { return repeatsAhead(srv, change) == 4 })
	first.kill(t)

	if err := srv.Press(context.Background(), i, "Pack is off"); err != nil {
		t.Fatal(err)
	}
	if s, ok := statusOf(t, dir); !ok || !s.Repeating {
		t.Fatalf("status with no driver, before the next: %+v %v, want repeating", s, ok)
	}
	next := startIcetimerEnv(t, dir, env, "run")
	if _, ok := next.lineWith("(from the phone)", 10*time.Second); !ok {
		t.Fatalf("the next driver did not apply the press; stderr %q\n%s", next.stderr.String(), srv.Log())
	}
	waitStatus(t, dir, "the press saved by the next driver", 2*time.Second, func(s statusNow) bool { return !s.Repeating })
	waitFor(t, "the repeats deleted from the server", func() bool { return repeatsAhead(srv, change) == 0 })
}

// A flood on the reply topic (junk, bad IDs, acknowledgements of changes
// that do not wait) while a run reminds: every change is still told on
// time, nothing is acknowledged, what was ignored is said in a line or two,
// and the run's memory stays small.
func TestAFloodOnTheReplyTopicDoesNotStopTheReminders(t *testing.T) {
	srv := ntfytest.New(t, "my-back", "", time.Now)
	home := phoneConfig(t, srv, testConfig)
	p := startIcetimerEnv(t, t.TempDir(), []string{"XDG_CONFIG_HOME=" + home},
		"run", "--cycle", shortCycle, "--window", "12s", "--quiet", "off", "--sound", "off", "--repeat", "off")
	if _, ok := p.nextReminder(10 * time.Second); !ok {
		t.Fatalf("no first reminder; stderr %q", p.stderr.String())
	}
	ctx, stop := context.WithCancel(context.Background())
	var sent atomic.Int64
	var flooding sync.WaitGroup
	bodies := []string{"x", `{"not":"an ack"}`, "icetimer-", "icetimer-99999999999999", ntfy.SequenceID(time.Now().Add(24 * time.Hour))}
	url := srv.URL + "/my-back" + ntfy.ReplySuffix
	for w := range 4 {
		flooding.Go(func() {
			for n := w; ctx.Err() == nil; n++ {
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(bodies[n%len(bodies)]))
				if resp, err := http.DefaultClient.Do(req); err == nil {
					resp.Body.Close()
					sent.Add(1)
				}
			}
		})
	}
	began := time.Now()
	var late []string
	var troubles []string
	for {
		l, ok := <-p.lines
		if !ok {
			break
		}
		switch at, isLine := reminderInstant(l.text, l.at); {
		case strings.Contains(l.text, "(from the phone)"):
			t.Errorf("the flood acknowledged something: %q", l.text)
		case strings.Contains(l.text, "phone replies"):
			troubles = append(troubles, l.text)
		case isLine && !strings.Contains(l.text, "Desktop notification") && l.at.Sub(at) > 2*time.Second:
			late = append(late, fmt.Sprintf("%q read %s after its change", l.text, l.at.Sub(at)))
		}
		if strings.Contains(l.text, "Course finished") {
			break
		}
	}
	flooded := time.Since(began)
	peak := peakRSS(p.cmd.Process.Pid)
	stop()
	flooding.Wait()
	_ = p.cmd.Wait()
	rate := float64(sent.Load()) / flooded.Seconds()
	t.Logf("%d replies in %s (%.0f a second); the run's peak RSS %s; its lines about them: %q", sent.Load(), flooded.Round(time.Millisecond), rate, peak, troubles)
	if len(late) > 0 {
		t.Errorf("reminders late under the flood: %v", late)
	}
	if len(troubles) == 0 || len(troubles) > 4 {
		t.Errorf("%d lines about the flood, want one or a few", len(troubles))
	}
}

// peakRSS is the peak resident memory of the process pid (VmHWM), as
// /proc says it; "unknown" where it cannot be read.
func peakRSS(pid int) string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "unknown"
	}
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
