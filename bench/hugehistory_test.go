//go:build linux

// Package bench holds the loosely bounded tests of what the scripts here
// measure (bench/hugehistory.sh): they print the figures, and fail only
// far from the targets, so that a loaded machine does not fail them.
package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/testhistory"
)

// bound is how long a command may take (the best of three runs) and how
// much memory it may hold, over a history; target is what it should take.
type bound struct {
	args   []string
	took   time.Duration
	rssMB  float64
	target string
}

// Reading history costs what is asked, not the history's size: over 1 GB
// of history (one course every 10 minutes, some 35 years), and over 20,000
// courses in the last week (2,880 a day). Before, status --json took 1.8 s
// over the gigabyte and report 15 s (72 MB) over the busy week.
func TestAHugeHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 1 GB history and builds icetimer")
	}
	bin := filepath.Join(t.TempDir(), "icetimer")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/icetimer").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, h := range []struct {
		name   string
		spec   testhistory.Spec
		bounds []bound
	}{
		{"1 GB, a course every 10 minutes", testhistory.Spec{Size: 1 << 30, Every: 10 * time.Minute}, []bound{
			{args: []string{"report"}, took: 2 * time.Second, rssMB: 30, target: "1 s, 30 MB"},
			{args: []string{"status"}, took: time.Second, rssMB: 30, target: "100 ms"},
			{args: []string{"status", "--json"}, took: 500 * time.Millisecond, rssMB: 30, target: "100 ms"},
		}},
		{"20,000 courses in a week", testhistory.Spec{Courses: 20000, Every: 30 * time.Second}, []bound{
			{args: []string{"report"}, took: 5 * time.Second, rssMB: 60, target: "linear in the week's courses"},
			{args: []string{"status", "--json"}, took: 500 * time.Millisecond, rssMB: 30, target: "100 ms"},
		}},
	} {
		state := t.TempDir()
		start := time.Now()
		h.spec.Now = start
		w, err := testhistory.Write(filepath.Join(state, "icetimer"), h.spec)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d courses, %d MB, written in %s", h.name, w.Courses, w.Bytes>>20, time.Since(start).Round(time.Millisecond))
		if took := time.Since(start); took > time.Minute {
			t.Errorf("writing the history took %s, want under a minute", took)
		}
		for _, b := range h.bounds {
			took, rss := run(t, bin, state, b.args)
			t.Logf("  %-14s %7.1f ms, peak RSS %5.1f MB (target %s)", strings.Join(b.args, " "), float64(took)/1e6, rss, b.target)
			if took > b.took || rss > b.rssMB {
				t.Errorf("%s over %s: %s and %.1f MB, want under %s and %.0f MB", strings.Join(b.args, " "), h.name, took, rss, b.took, b.rssMB)
			}
		}
		os.RemoveAll(state) // a gigabyte: not kept until the test ends
	}
}

// run runs the command three times over the state directory's parent
// state and gives the shortest time and the largest peak RSS, in MB.
func run(t *testing.T, bin, state string, args []string) (best time.Duration, rssMB float64) {
	t.Helper()
	best = time.Duration(1<<63 - 1)
	for range 3 {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+state, "XDG_CONFIG_HOME="+filepath.Join(state, "config"))
		start := time.Now()
		out, err := cmd.CombinedOutput()
		took := time.Since(start)
		if err != nil {
			t.Fatalf("icetimer %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		best = min(best, took)
		rssMB = max(rssMB, float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)/1024)
	}
	return best, rssMB
}
