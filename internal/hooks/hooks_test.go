//go:build unix

package hooks

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

var t0 = time.Date(2026, 11, 21, 8, 20, 0, 0, time.UTC)

// wait bounds every wait for something that must happen: far longer than
// it takes, so that a slow machine does not fail a test.
const wait = 10 * time.Second

func answer(t *testing.T, c <-chan error) error {
	t.Helper()
	select {
	case err := <-c:
		return err
	case <-time.After(wait):
		t.Fatal("the hook never answered")
		return nil
	}
}

// newRunner runs line with a log in a temporary directory (returned).
func newRunner(t *testing.T, line string, limit time.Duration) (*Runner, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs hooks through the shell")
	}
	log := filepath.Join(t.TempDir(), "hooks.log")
	r := New(Config{OnChange: line}, Options{Limit: limit, Log: func() (*os.File, error) {
		return os.OpenFile(log, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	}})
	t.Cleanup(r.Close)
	return r, log
}

func TestTheHookGetsTheChangeInItsEnvironment(t *testing.T) {
	out := filepath.Join(t.TempDir(), "env")
	r, _ := newRunner(t, `env | grep '^ICETIMER_' | sort > "`+out+`"`, wait)
	e := Event{Name: IceOff, Title: "Remove the ice pack", Body: "Rest 20 min. Heat it's not", At: t0, NextAt: t0.Add(20 * time.Minute)}
	if err := answer(t, r.Run(e)); err != nil {
		t.Fatal(err)
	}
	got := readLines(t, out)
	want := []string{
		"ICETIMER_AT=2026-11-21T08:20:00Z",
		"ICETIMER_BODY=Rest 20 min. Heat it's not",
		"ICETIMER_EVENT=ice-off",
		"ICETIMER_NEXT_AT=2026-11-21T08:40:00Z",
		"ICETIMER_TITLE=Remove the ice pack",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("environment:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// No next change: the variable is there, empty.
	e.NextAt = time.Time{}
	if err := answer(t, r.Run(e)); err != nil {
		t.Fatal(err)
	}
	if got := readLines(t, out); got[3] != "ICETIMER_NEXT_AT=" {
		t.Fatalf("with no next change: %q", got[3])
	}
}

func TestEventNames(t *testing.T) {
	for _, c := range []struct {
		from, to schedule.Kind
		repeat   int
		want     string
	}{
		{"", schedule.Ice, 0, IceOn},
		{schedule.Rest, schedule.Ice, 0, IceOn},
		{schedule.Ice, schedule.Rest, 0, IceOff},
		{schedule.Heat, schedule.Rest, 0, HeatOff},
		{schedule.Rest, schedule.Heat, 0, HeatOn},
		{schedule.Ice, schedule.Heat, 0, HeatOn},
		{schedule.Ice, schedule.Quiet, 0, Night},
		{schedule.Rest, schedule.Quiet, 0, Night},
		{schedule.Quiet, schedule.Ice, 0, Morning},
		{schedule.Ice, schedule.Done, 0, Done},
		{schedule.Ice, schedule.Rest, 2, Repeat},
	} {
		r := words.Reminder{From: c.from, To: c.to, Repeat: c.repeat}
		if got := EventFor(r, time.Time{}).Name; got != c.want {
			t.Errorf("%s -> %s (repeat %d): %s, want %s", c.from, c.to, c.repeat, got, c.want)
		}
	}
}

func TestAFailingHookIsOneLineAndItsOutputIsLogged(t *testing.T) {
	r, log := newRunner(t, `echo "no light here" >&2; exit 3`, wait)
	err := answer(t, r.Run(Event{Name: HeatOn, At: t0}))
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "heat-on") || !strings.Contains(err.Error(), "exit status 3") {
		t.Fatalf("error %q, want one line naming the event and the status", err)
	}
	data, _ := os.ReadFile(log)
	if !strings.Contains(string(data), "no light here") || !strings.Contains(string(data), "exit status 3") {
		t.Fatalf("log:\n%s", data)
	}
}

// A hook that hangs is killed at the limit with what it started; the next
// hook was queued at once and runs right after.
func TestAHangingHookIsKilledWithItsGroup(t *testing.T) {
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "pid")
	second := filepath.Join(dir, "second")
	const limit = 300 * time.Millisecond
	r, _ := newRunner(t, `if [ "$ICETIMER_EVENT" = ice-off ]; then sleep 600 & echo $! > "`+pidFile+`"; wait; else echo ran > "`+second+`"; fi`, limit)
	start := time.Now()
	first := r.Run(Event{Name: IceOff, At: t0})
	next := r.Run(Event{Name: IceOn, At: t0})
	if took := time.Since(start); took > time.Second {
		t.Fatalf("Run blocked for %s", took)
	}
	err := answer(t, first)
	if err == nil || !strings.Contains(err.Error(), "killed after 300ms") {
		t.Fatalf("hanging hook: %v", err)
	}
	if took := time.Since(start); took < limit {
		t.Fatalf("killed after %s, before its limit", took)
	}
	if err := answer(t, next); err != nil {
		t.Fatalf("the next hook: %v", err)
	}
	if _, err := os.Stat(second); err != nil {
		t.Fatal("the next hook did not run")
	}
	pid := strings.TrimSpace(readLines(t, pidFile)[0])
	deadline := time.Now().Add(wait)
	for alive(pid) {
		if time.Now().After(deadline) {
			t.Fatalf("the hook's child %s outlived the kill", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// alive reports whether process pid runs; a zombie waiting for a parent
// that never reaps it (PID 1 in a container) does not.
func alive(pid string) bool {
	if _, err := os.Stat("/proc/self/stat"); err != nil { // no /proc: ask the kernel
		n, _ := strconv.Atoi(pid)
		return syscall.Kill(n, 0) == nil
	}
	data, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return false
	}
	fields := strings.Fields(string(data))
	return len(fields) > 2 && fields[2] != "Z"
}

func TestRunNeverBlocksWhenHooksPileUp(t *testing.T) {
	// The first hook must still run when the last Run comes: a limit of
	// 300 ms let a loaded machine finish it between two Runs. Close kills
	// it after a second whatever the limit.
	r, _ := newRunner(t, `sleep 600`, wait)
	start := time.Now()
	var last <-chan error
	for range DefaultQueueSize + 2 {
		last = r.Run(Event{Name: Repeat, At: t0})
	}
	if took := time.Since(start); took > time.Second {
		t.Fatalf("Run blocked for %s", took)
	}
	select {
	case err := <-last:
		if err == nil || !strings.Contains(err.Error(), "skipped") {
			t.Fatalf("with the queue full: %v", err)
		}
	default:
		t.Fatal("a hook beyond the queue was not refused at once")
	}
	closed := make(chan struct{})
	go func() { r.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(wait):
		t.Fatal("Close did not kill the running hook")
	}
}

// The hook of the last change (the course is done, the process exits)
// still runs when Close comes right after it.
func TestCloseLetsTheLastHookRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "done")
	r, _ := newRunner(t, `echo "$ICETIMER_EVENT" > "`+out+`"`, wait)
	c := r.Run(Event{Name: Done, At: t0})
	r.Close()
	if err := answer(t, c); err != nil {
		t.Fatal(err)
	}
	if got := readLines(t, out); len(got) != 1 || got[0] != "done" {
		t.Fatalf("the done hook wrote %q", got)
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		lines = append(lines, s.Text())
	}
	return lines
}
