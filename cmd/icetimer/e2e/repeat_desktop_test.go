//go:build linux

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

// notifyCall is what the notification server received, with the fields of
// a repeating reminder.
type notifyCall struct {
	Summary    string   `json:"summary"`
	Urgency    int      `json:"urgency"`
	Expire     int      `json:"expire_timeout_ms"`
	ReplacesID uint32   `json:"replaces_id"`
	Actions    []string `json:"actions"`
}

// Issue 9 against the real server: the remove reminder repeats every
// --repeat, each repeat replacing the popup, never expiring, with a button;
// `icetimer ack` from another terminal stops the repeats.
func TestRunRepeatsUntilAcknowledged(t *testing.T) {
	s := startRun(t, "--cycle", "ice 2s, rest 12s", "--window", "14s", "--quiet", "off", "--repeat", "3s")
	var lines []stdoutLine
	for again := 0; again < 2; {
		l, ok := <-s.lines
		if !ok {
			t.Fatalf("run ended early: %q\n%s", lines, s.stderrText())
		}
		lines = append(lines, l)
		if strings.Contains(l.text, "(again)") {
			again++
		}
	}
	ack := exec.Command(binary, "ack")
	ack.Env = s.cmd.Env
	if out, err := ack.CombinedOutput(); err != nil || !strings.Contains(string(out), "acknowledged") {
		t.Fatalf("icetimer ack: %v, %s", err, out)
	}
	acked := time.Now()
	lines = s.wait(t, lines)
	var titles []string
	for _, l := range lines {
		if strings.Contains(l.text, "(again)") && l.read.After(acked.Add(time.Second)) {
			t.Errorf("a repeat after the acknowledgement: %q", l.text)
		}
		if strings.Contains(l.text, "(from another terminal)") {
			continue // the acknowledgement, told as run applied it
		}
		titles = append(titles, title(l.text))
	}
	want := []string{"Put the ice pack on", "Remove the ice pack", "Remove the ice pack (again)", "Remove the ice pack (again)", "Course finished"}
	if !slices.Equal(titles, want) {
		t.Fatalf("reminders %q, want %q", titles, want)
	}

	data, err := os.ReadFile(s.out)
	if err != nil {
		t.Fatal(err)
	}
	var calls []notifyCall
	for line := range strings.Lines(string(data)) {
		var c notifyCall
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatal(err)
		}
		calls = append(calls, c)
	}
	if len(calls) != len(want) {
		t.Fatalf("the server received %d notifications, want %d: %+v", len(calls), len(want), calls)
	}
	first := calls[1]
	if first.Urgency != 2 || first.Expire != 0 || !slices.Contains(first.Actions, "ack") || first.ReplacesID != 0 {
		t.Errorf("remove reminder %+v: want urgency 2, never expiring, an ack button, replacing nothing", first)
	}
	for _, again := range calls[2:4] {
		if again.Urgency != 2 || again.Expire != 0 || again.ReplacesID == 0 || again.ReplacesID != calls[2].ReplacesID {
			t.Errorf("repeat %+v: want urgent, never expiring, replacing the first popup", again)
		}
	}
	// The put-on asks "Is it on?" (issue 25): quiet, with its own button.
	if calls[0].Urgency != 1 || !slices.Equal(calls[0].Actions, []string{"ack", "It's on"}) {
		t.Errorf("put-on reminder %+v: want normal urgency and an \"It's on\" button", calls[0])
	}
}
