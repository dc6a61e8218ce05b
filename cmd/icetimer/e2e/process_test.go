package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// shortCycle is the custom cycle the end-to-end tests run: a change every
// second, so that minutes of a course pass in seconds.
const shortCycle = "ice 1s, rest 1s"

// stateEnv is this process's environment with state directory dir (shared
// by the processes a test starts one after the other) and no desktop, so
// that reminders fail fast instead of reaching whoever runs the tests.
func stateEnv(dir string) []string {
	return append(os.Environ(), "XDG_STATE_HOME="+dir, "DBUS_SESSION_BUS_ADDRESS=unix:path="+filepath.Join(dir, "no-bus"))
}

// openTestStore is the store the icetimers started with stateEnv(dir) use.
func openTestStore(t *testing.T, dir string) *store.Store {
	t.Helper()
	s, err := store.OpenDir(filepath.Join(dir, "icetimer"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// timedLine is a line an icetimer printed and when the test read it.
type timedLine struct {
	text string
	at   time.Time
}

// process is an icetimer started by a test, its stdout read line by line.
type process struct {
	cmd     *exec.Cmd
	started time.Time
	lines   chan timedLine // closed at end of output
	stderr  bytes.Buffer
	// others are the lines nextReminder passed over (a desktop that could
	// not be reached, the clock stepping).
	others []string
}

// startIcetimer starts the test binary with args in state directory dir.
func startIcetimer(t *testing.T, dir string, args ...string) *process {
	t.Helper()
	return startIcetimerEnv(t, dir, nil, args...)
}

// startIcetimerEnv is startIcetimer with extra environment variables.
func startIcetimerEnv(t *testing.T, dir string, extra []string, args ...string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(binary, args...), lines: make(chan timedLine, 256)}
	p.cmd.Env = append(stateEnv(dir), extra...)
	p.cmd.Stderr = &p.stderr
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.started = time.Now()
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.cmd.Process.Kill() })
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			p.lines <- timedLine{text: sc.Text(), at: time.Now()}
		}
		close(p.lines)
	}()
	return p
}

// nextReminder is the next reminder line, skipping the lines that say the
// desktop could not be reached or the clock stepped; false when the output ends or within
// timeout none came.
func (p *process) nextReminder(timeout time.Duration) (timedLine, bool) {
	deadline := time.After(timeout)
	for {
		select {
		case l, ok := <-p.lines:
			if !ok {
				return l, false
			}
			if !strings.Contains(l.text, "Desktop notification") && !strings.Contains(l.text, "The clock was set") {
				return l, true
			}
			p.others = append(p.others, l.text)
		case <-deadline:
			return timedLine{}, false
		}
	}
}

// said is the lines nextReminder passed over so far.
func (p *process) said() string { return strings.Join(p.others, "\n") }

// kill ends the process with SIGKILL (TerminateProcess on Windows) and
// returns the reminder lines it printed that were not read yet.
func (p *process) kill(t *testing.T) []timedLine {
	t.Helper()
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	return p.wait(t)
}

// wait returns the reminder lines not read yet once the output ends, and
// waits for the process to exit.
func (p *process) wait(t *testing.T) []timedLine {
	t.Helper()
	var rest []timedLine
	for {
		l, ok := p.nextReminder(20 * time.Second)
		if !ok {
			break
		}
		rest = append(rest, l)
	}
	_ = p.cmd.Wait()
	return rest
}

// runIcetimer runs the test binary to its end and gives its stdout and exit status.
func runIcetimer(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = stateEnv(dir)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// statusReport is `status --json` decoded, instants as instants.
type statusReport struct {
	Preset           string         `json:"preset"`
	Kind             schedule.Kind  `json:"kind"`
	Paused           bool           `json:"paused"`
	RemainingSeconds int64          `json:"remaining_seconds"`
	EndsAt           *time.Time     `json:"ends_at"`
	NextKind         *schedule.Kind `json:"next_kind"`
	Stage            int            `json:"stage"`
	StageEndsAt      *time.Time     `json:"stage_ends_at"`
	StartedAt        time.Time      `json:"started_at"`
}

// engineReport is what `status --json` must say for c at now (docs:
// CLI.md), from the engine's answer: instants to the second, the countdown
// rounded up, stages counted from 1.
func engineReport(c schedule.Course, now time.Time) statusReport {
	st := c.StateAt(now)
	r := statusReport{
		Preset: c.Preset, Kind: st.Current.Kind, Paused: st.Paused,
		RemainingSeconds: int64(math.Ceil(st.Remaining.Seconds())),
		Stage:            st.Current.Stage + 1, StartedAt: c.Start.Truncate(time.Second),
		EndsAt: secondOrNil(st.Current.End), StageEndsAt: secondOrNil(st.StageEnds),
	}
	if st.Next.Kind != "" {
		r.NextKind = &st.Next.Kind
	}
	return r
}

func secondOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.Truncate(time.Second)
	return &t
}

func (r statusReport) equal(o statusReport) bool {
	sameInstant := func(a, b *time.Time) bool { return (a == nil) == (b == nil) && (a == nil || a.Equal(*b)) }
	sameKind := func(a, b *schedule.Kind) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	return r.Preset == o.Preset && r.Kind == o.Kind && r.Paused == o.Paused && r.RemainingSeconds == o.RemainingSeconds &&
		sameInstant(r.EndsAt, o.EndsAt) && sameKind(r.NextKind, o.NextKind) && r.Stage == o.Stage &&
		sameInstant(r.StageEndsAt, o.StageEndsAt) && r.StartedAt.Equal(o.StartedAt)
}

// matchesEngine reports whether out, printed by `status --json` run between
// before and after, is the engine's answer for c at an instant in between.
// Every transition, end and countdown step of a course falls on a whole
// second, so the answers possible are those at before and at each whole
// second up to after.
func matchesEngine(out []byte, c schedule.Course, before, after time.Time) (statusReport, bool) {
	var got statusReport
	if err := json.Unmarshal(out, &got); err != nil {
		return got, false
	}
	for at := before; !at.After(after); at = at.Truncate(time.Second).Add(time.Second) {
		if got.equal(engineReport(c, at)) {
			return got, true
		}
	}
	return got, false
}

// reminderClock reads the clock time a reminder line starts with, as the
// instant nearest to near.
var reminderClock = regexp.MustCompile(`^(\d\d):(\d\d):(\d\d)  `)

func reminderInstant(line string, near time.Time) (time.Time, bool) {
	m := reminderClock.FindStringSubmatch(line)
	if m == nil {
		return time.Time{}, false
	}
	local := near.In(time.Local)
	t, err := time.ParseInLocation("2006-01-02 15:04:05", local.Format("2006-01-02 ")+m[1]+":"+m[2]+":"+m[3], time.Local)
	if err != nil {
		return time.Time{}, false
	}
	// The line may have been read just after midnight.
	if t.Sub(near) > 12*time.Hour {
		t = t.AddDate(0, 0, -1)
	}
	return t, true
}

// stopDrivers ends, with SIGTERM, every icetimer that drives the course in
// the state directory dir, until none has for a moment: the background
// runs a test's screens handed their course to.
func stopDrivers(t *testing.T, dir string) {
	t.Helper()
	s := store.ReadOnly(dir)
	free := time.Time{}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		h, held := s.Holder()
		if held {
			// A record left by a process that died names no one.
			p, err := os.FindProcess(h.PID)
			held = err == nil && p.Signal(syscall.SIGTERM) == nil
		}
		if !held {
			if free.IsZero() {
				free = time.Now()
			}
			if time.Since(free) > 500*time.Millisecond {
				return
			}
			continue
		}
		free = time.Time{}
	}
	t.Errorf("an icetimer still drives the course in %s", dir)
}
