package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/cli"
	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/schedule"
)

// onTime is how late a reminder line may be read after its change: the run
// sleeps until the change itself, so this is the machine's lag only.
const onTime = 700 * time.Millisecond

// TestRunResumesWithOneCatchUp kills a run after its first reminder, lets
// several changes pass, and resumes: the first line is one catch-up counting
// exactly the changes the engine has since the last reminder given, none
// given before is repeated, and the next changes come on time. While the
// resumed run drives the course, another run is refused, naming it.
func TestRunResumesWithOneCatchUp(t *testing.T) {
	dir := t.TempDir()
	s := openTestStore(t, dir)
	first := startIcetimer(t, dir, "run", "--cycle", shortCycle, "--window", "1m", "--quiet", "off")
	if l, ok := first.nextReminder(10 * time.Second); !ok || !strings.Contains(l.text, "Put the ice pack on.") {
		t.Fatalf("first line %q, want the start reminder", l.text)
	}
	waitFor(t, "the reminded marker", func() bool { _, ok := s.Reminded(); return ok })
	first.kill(t)

	c, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	marker, _ := s.Reminded()
	// Resume 200 ms after the third change following the last reminder
	// given: at least three are missed, and the run reads the clock well
	// before the next one.
	ahead := c.Transitions(marker, marker.Add(10*time.Second))
	if len(ahead) < 4 {
		t.Fatalf("engine has %d changes in the 10 s after %v, want a change a second", len(ahead), marker)
	}
	time.Sleep(time.Until(ahead[2].At.Add(200 * time.Millisecond)))

	resumed := startIcetimer(t, dir, "run")
	catchUp, ok := resumed.nextReminder(10 * time.Second)
	if !ok {
		t.Fatalf("resumed run printed no reminder; stderr %q", resumed.stderr.String())
	}
	at, _ := reminderInstant(catchUp.text, catchUp.at)
	if at.Before(resumed.started.Add(-time.Second)) || at.After(catchUp.at) {
		t.Fatalf("catch-up %q is for %v; the run started at %v and the line was read at %v", catchUp.text, at, resumed.started, catchUp.at)
	}
	missed := c.Transitions(marker, at.Add(time.Nanosecond))
	if len(missed) < 3 {
		t.Fatalf("catch-up %q is for %v: only %d changes after %v, the test waited for 3", catchUp.text, at, len(missed), marker)
	}
	checkFirstReminder(t, "resumed run", c, marker, catchUp)
	if want := fmt.Sprintf("%s  %s.", at.In(time.Local).Format(time.TimeOnly), reminderTitle(missed[len(missed)-1])); !strings.HasPrefix(catchUp.text, want) {
		t.Errorf("catch-up %q, want it to begin %q", catchUp.text, want)
	}

	next := c.Transitions(at.Add(time.Nanosecond), at.Add(3*time.Second))
	for _, tr := range next[:2] {
		l, ok := resumed.nextReminder(5 * time.Second)
		if !ok {
			t.Fatalf("no reminder for the change at %v", tr.At)
		}
		lAt, _ := reminderInstant(l.text, l.at)
		if !lAt.Equal(tr.At) || strings.Contains(l.text, "Missed") || !strings.Contains(l.text, reminderTitle(tr)) {
			t.Errorf("line %q after the catch-up, want the change at %v (%s) alone", l.text, tr.At, reminderTitle(tr))
		}
		if late := l.at.Sub(tr.At); late < 0 || late > onTime {
			t.Errorf("line %q read %v after its change, want within %v", l.text, late, onTime)
		}
	}

	checkSecondRunRefused(t, dir, resumed)
	resumed.kill(t)
}

// checkSecondRunRefused: while holder drives the course, run (resuming or
// starting a new course) exits 1 naming holder's process, and leaves the
// saved course as it was.
func checkSecondRunRefused(t *testing.T, dir string, holder *process) {
	t.Helper()
	s := openTestStore(t, dir)
	before, err := os.ReadFile(s.StatePath())
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"run"}, {"run", "--cycle", shortCycle, "--quiet", "off"}} {
		stdout, stderr, code := runIcetimer(t, dir, args...)
		want := fmt.Sprintf("process %d ", holder.cmd.Process.Pid)
		if code != cli.ExitFailure || stdout != "" || !strings.Contains(stderr, want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q while another run drives the course: exit %d, stdout %q, stderr %q; want exit 1 and one line naming %q",
				args, code, stdout, stderr, want)
		}
	}
	if after, _ := os.ReadFile(s.StatePath()); !bytes.Equal(before, after) {
		t.Errorf("a refused run changed the saved course:\nbefore %s\nafter  %s", before, after)
	}
}

// reminderTitle is the first words of the reminder for tr: put a pack on,
// or take it off.
func reminderTitle(tr schedule.Transition) string {
	if tr.To.Kind.IsOn() {
		return "Put the " + string(tr.To.Kind) + " pack on"
	}
	return "Remove the " + string(tr.From.Kind) + " pack"
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within 5 s", what)
		}
	}
}

// TestHistoryCountsAStoppedCourse runs a course, interrupts the run, stops
// the course, and checks that history counts its ice applications as the
// engine does up to the stop.
func TestHistoryCountsAStoppedCourse(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	dir := t.TempDir()
	s := openTestStore(t, dir)
	p := startIcetimer(t, dir, "run", "--cycle", shortCycle, "--window", "1m", "--quiet", "off")
	for range 4 { // three changes after the start: two ice phases begun
		if l, ok := p.nextReminder(10 * time.Second); !ok {
			t.Fatalf("run stopped early after %q; stderr %q", l.text, p.stderr.String())
		}
	}
	if err := p.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	p.wait(t)
	if !p.cmd.ProcessState.Success() {
		t.Fatalf("run after SIGINT: %v, want exit status 0", p.cmd.ProcessState)
	}
	c, err := s.Load()
	if err != nil {
		t.Fatalf("course after SIGINT: %v, want it saved", err)
	}

	before := time.Now()
	out, stderr, code := runIcetimer(t, dir, "stop")
	after := time.Now()
	if code != 0 || !strings.Contains(out, "stopped the custom course") {
		t.Fatalf("stop: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if _, _, code := runIcetimer(t, dir, "status"); code != cli.ExitNoCourse {
		t.Errorf("status after stop: exit %d, want %d", code, cli.ExitNoCourse)
	}

	out, stderr, code = runIcetimer(t, dir, "history", "--json", "--days", "2")
	if code != 0 || stderr != "" {
		t.Fatalf("history --json: exit %d, stderr %q", code, stderr)
	}
	var h document.History
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatalf("history --json printed %q: %v", out, err)
	}
	var got document.HistoryDay
	for _, d := range h.Days { // two days, in case the test runs over midnight
		got.IceCount += d.IceCount
		got.IceSeconds += d.IceSeconds
		got.Started += d.Started
		got.Finished += d.Finished
	}
	// stop records its instant to the second, somewhere in [before, after].
	var wants []string
	for at := before.Truncate(time.Second); !at.After(after); at = at.Add(time.Second) {
		want := iceUpTo(c, at)
		if reflect.DeepEqual(got, want) {
			return
		}
		wants = append(wants, fmt.Sprintf("%+v (stopped at %v)", want, at))
	}
	t.Errorf("history counts %+v; the engine says %s", got, strings.Join(wants, " or "))
}

// iceUpTo is what history must count for course c stopped at stop: its ice
// phases begun before then, their time up to then, one course started and
// ended.
func iceUpTo(c schedule.Course, stop time.Time) document.HistoryDay {
	want := document.HistoryDay{Started: 1, Finished: 1}
	for _, seg := range c.Segments(c.Start, stop) {
		if seg.Kind == schedule.Ice {
			want.IceCount++
			end := seg.End
			if end.After(stop) {
				end = stop
			}
			want.IceSeconds += int64(end.Sub(seg.Start) / time.Second)
		}
	}
	return want
}
