package hooks

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// escaping starts five children that outlive sh in every way a hook can
// leave one behind: in the background, in a session of its own (setsid),
// double-forked like a daemon, and one started by a setsid child. Each
// writes its process ID to pids, and the hook waits for all five.
func escaping(mark, pids string) string {
	return `export HOOK_MARK=` + mark + `
P="` + pids + `"
sleep 600 & echo $! >> "$P"
setsid sh -c 'echo $$ >> "$0"; exec sleep 600' "$P" &
(setsid sh -c 'echo $$ >> "$0"; exec sleep 600' "$P" &)
setsid sh -c 'sleep 600 & echo $! >> "$0"; echo $$ >> "$0"; wait' "$P" &
while [ "$(wc -l < "$P")" -lt 5 ]; do sleep 0.01; done`
}

// A hook that exits at once leaves nothing running once its answer comes:
// neither its background children nor those that left its group and
// session; nor does a hook killed at its limit.
func TestAHookLeavesNoChildren(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	if _, err := exec.LookPath("setsid"); err != nil {
		t.Skip("no setsid")
	}
	for _, tc := range []struct {
		name, end string
		limit     time.Duration
	}{
		{"exits at once", "exit 0", wait},
		{"killed at its limit", "sleep 600", 500 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mark, pids := testMark(t), filepath.Join(t.TempDir(), "pids")
			r, _ := newRunner(t, escaping(mark, pids)+"\n"+tc.end, tc.limit)
			err := answer(t, r.Run(Event{Name: IceOff, At: t0}))
			if tc.end == "exit 0" && err != nil {
				t.Fatal(err)
			}
			started := readLines(t, pids)
			left := marked(mark)
			t.Logf("the hook started %d children (%s); left running after it ended: %d %v", len(started), strings.Join(started, " "), len(left), left)
			if len(started) != 5 {
				t.Fatalf("the hook recorded %d children, want 5", len(started))
			}
			for _, pid := range started {
				if alive(pid) {
					t.Errorf("child %s is still running", pid)
				}
			}
			if len(left) > 0 {
				t.Errorf("%d processes the hook started are still running", len(left))
			}
		})
	}
}

// The reaper's variable is not passed on: an icetimer that a hook runs is
// icetimer, not another reaper.
func TestTheHookDoesNotSeeTheReapersVariable(t *testing.T) {
	out := filepath.Join(t.TempDir(), "env")
	r, _ := newRunner(t, `env > "`+out+`"`, wait)
	if err := answer(t, r.Run(Event{Name: IceOn, At: t0})); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if strings.Contains(string(data), reaperEnv) || !strings.Contains(string(data), "ICETIMER_EVENT=ice-on") {
		t.Errorf("the hook's environment:\n%s", data)
	}
}
