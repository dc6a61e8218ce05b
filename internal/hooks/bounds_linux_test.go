package hooks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A hook that prints 200 MB leaves at most the limit in the log and as
// much in the one rotated before it, and the newest output is kept.
func TestAFloodingHookKeepsTheLogUnderItsLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("200 MB through a pipe")
	}
	r, log := newRunner(t, `yes "a flooding hook" | head -c 200000000; echo; echo the end`, wait)
	start := time.Now()
	if err := answer(t, r.Run(Event{Name: IceOff, At: t0})); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	sizes := map[string]int64{}
	for _, name := range []string{log, log + ".1"} {
		info, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		sizes[filepath.Base(name)] = info.Size()
		if info.Size() > DefaultLogLimit {
			t.Errorf("%s is %d bytes, over the limit of %d", name, info.Size(), DefaultLogLimit)
		}
	}
	t.Logf("after 200 MB of output (%s): hooks.log %d bytes, hooks.log.1 %d bytes", took.Round(time.Millisecond), sizes["hooks.log"], sizes["hooks.log.1"])
	if data, _ := os.ReadFile(log); !strings.HasSuffix(string(data), "the end\n") {
		t.Errorf("the log does not end with the hook's last line: ...%q", data[max(0, len(data)-40):])
	}
}

// A log left full (or far over, by an icetimer that had no limit) is
// rotated before a hook writes to it.
func TestAFullLogIsRotatedFirst(t *testing.T) {
	r, log := newRunner(t, `echo fresh`, wait)
	if err := os.WriteFile(log, make([]byte, DefaultLogLimit+10), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := answer(t, r.Run(Event{Name: IceOn, At: t0})); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(log)
	old, _ := os.Stat(log + ".1")
	if !strings.HasSuffix(string(data), "fresh\n") || len(data) > 200 || old == nil || old.Size() != DefaultLogLimit+10 {
		t.Errorf("log %q, rotated log %v", data, old)
	}
}

// Close waits at most a second for a hook that does not end, then kills
// it with what it started; its answer says it was stopped.
func TestCloseWaitsASecondForAStuckHook(t *testing.T) {
	if testing.Short() {
		t.Skip("waits a second")
	}
	started := filepath.Join(t.TempDir(), "started")
	mark := testMark(t)
	r, _ := newRunner(t, `export HOOK_MARK=`+mark+`; trap "" TERM INT HUP; sleep 600 & echo > "`+started+`"; wait`, wait)
	c := r.Run(Event{Name: IceOff, At: t0})
	eventually(t, func() bool { _, err := os.Stat(started); return err == nil }, "the hook to start")
	start := time.Now()
	r.Close()
	took := time.Since(start)
	t.Logf("Close with a stuck hook took %s", took.Round(time.Millisecond))
	if took < closeWait || took > closeWait+2*time.Second {
		t.Errorf("Close took %s, want %s and the time to kill the hook", took, closeWait)
	}
	if err := answer(t, c); err == nil || !strings.Contains(err.Error(), ErrClosed.Error()) {
		t.Errorf("the stuck hook's answer: %v", err)
	}
	if left := marked(mark); len(left) > 0 {
		t.Errorf("processes the hook started are still running: %v", left)
	}
}

// eventually polls cond until it holds, failing after wait.
func eventually(t *testing.T, cond func() bool, what string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", wait, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
