//go:build !windows

package e2e

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// statusNow is `status --json` of the course in dir, decoded loosely.
type statusNow struct {
	Kind      schedule.Kind `json:"kind"`
	Paused    bool          `json:"paused"`
	Remaining int64         `json:"remaining_seconds"`
	Stage     int           `json:"stage"`
	Repeating bool          `json:"repeating"`
	Pain      *int          `json:"pain"`
}

func statusOf(t *testing.T, dir string) (statusNow, bool) {
	t.Helper()
	out, _, code := runIcetimer(t, dir, "status", "--json")
	var s statusNow
	if code != 0 || json.Unmarshal([]byte(out), &s) != nil {
		return s, false
	}
	return s, true
}

// waitStatus waits up to within for dir's status to satisfy ok, and says
// how long it took.
func waitStatus(t *testing.T, dir, what string, within time.Duration, ok func(statusNow) bool) time.Duration {
	t.Helper()
	begin := time.Now()
	for {
		s, read := statusOf(t, dir)
		if read && ok(s) {
			return time.Since(begin)
		}
		if time.Since(begin) > within {
			t.Fatalf("%s: status still %+v after %v", what, s, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// spread is the median and the worst of ds.
func spread(ds []time.Duration) (median, worst time.Duration) {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2], s[len(s)-1]
}
