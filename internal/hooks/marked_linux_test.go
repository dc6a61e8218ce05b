package hooks

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// testMark is a value of HOOK_MARK that only this test's processes carry.
func testMark(t *testing.T) string {
	return "icetimer-test-" + strconv.Itoa(os.Getpid()) + "-" + strings.ReplaceAll(t.Name(), "/", "-")
}

// marked lists the processes still running (zombies aside) whose
// environment has HOOK_MARK=mark: whatever a hook that exported it
// started, however it left the hook's group or session.
func marked(mark string) []string {
	entries, _ := os.ReadDir("/proc")
	var pids []string
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		env, err := os.ReadFile("/proc/" + e.Name() + "/environ")
		if err == nil && strings.Contains("\x00"+string(env)+"\x00", "\x00HOOK_MARK="+mark+"\x00") && alive(e.Name()) {
			pids = append(pids, e.Name())
		}
	}
	return pids
}
