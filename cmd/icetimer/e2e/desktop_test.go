//go:build linux

package e2e

// These tests run the built binary against a real D-Bus notification server
// (shared/tools/with-notify-server: a private bus and python3-dbusmock). They
// skip when the tool or its dependencies are missing, and fail instead when
// CI=true. D-Bus is a Linux matter, hence the build tag.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var notifyTool = struct {
	once sync.Once
	path string
	why  string // why it cannot be used, if so
}{}

// notifyServerTool is the path of with-notify-server, after checking once
// that it works here (it installs its dependencies with apt when missing).
func notifyServerTool(t *testing.T) string {
	t.Helper()
	notifyTool.once.Do(func() {
		top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
		if err != nil {
			notifyTool.why = fmt.Sprintf("cannot find the repository's top: %v", err)
			return
		}
		path := filepath.Join(strings.TrimSpace(string(top)), "..", "shared", "tools", "with-notify-server")
		if _, err := os.Stat(path); err != nil {
			notifyTool.why = fmt.Sprintf("no notification server tool: %v (shared/ must sit beside the repository)", err)
			return
		}
		probe := exec.Command(path, "-o", filepath.Join(os.TempDir(), "icetimer-probe.jsonl"), "--", "true")
		if out, err := probe.CombinedOutput(); err != nil {
			notifyTool.why = fmt.Sprintf("%s does not work here (%v): %s", path, err, strings.TrimSpace(string(out)))
			return
		}
		notifyTool.path = path
	})
	if notifyTool.why != "" {
		skipOrFail(t, "%s", notifyTool.why)
	}
	return notifyTool.path
}

// stdoutLine is a line of `run`'s stdout and when the test read it.
type stdoutLine struct {
	text string
	read time.Time
}

func (l stdoutLine) String() string { return l.text }

// notifySession is one `icetimer run` under with-notify-server.
type notifySession struct {
	cmd     *exec.Cmd
	out     string // the notifications file
	lines   chan stdoutLine
	mockPID chan int
	stderr  strings.Builder
	mu      sync.Mutex
	done    sync.WaitGroup
}

// startRun starts `icetimer run ARGS` against a fresh notification server,
// with TZ=UTC so that its clock times are read back without ambiguity.
func startRun(t *testing.T, args ...string) *notifySession {
	t.Helper()
	tool, bin := notifyServerTool(t), binary
	dir := t.TempDir()
	s := &notifySession{out: filepath.Join(dir, "notifications.jsonl"), lines: make(chan stdoutLine, 64), mockPID: make(chan int, 1)}
	s.cmd = exec.Command(tool, append([]string{"-k", "-o", s.out, "--", bin, "run"}, args...)...)
	s.cmd.Env = isolatedEnv(t, "TZ=UTC")
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s.done.Go(func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			// beeep's Alert rings the bell with a BEL on stdout.
			s.lines <- stdoutLine{text: strings.TrimLeft(sc.Text(), "\a"), read: time.Now()}
		}
		close(s.lines)
	})
	s.done.Go(func() { s.readStderr(stderr) })
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
			s.cmd.Wait()
		}
		if dir := s.kept(); dir != "" {
			os.RemoveAll(dir)
		}
	})
	return s
}

func (s *notifySession) stderrText() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stderr.String()
}

var mockPIDRe = regexp.MustCompile(`mock server pid (\d+)`)

func (s *notifySession) readStderr(r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		s.mu.Lock()
		s.stderr.WriteString(sc.Text() + "\n")
		s.mu.Unlock()
		if m := mockPIDRe.FindStringSubmatch(sc.Text()); m != nil {
			pid, _ := strconv.Atoi(m[1])
			s.mockPID <- pid
		}
	}
}

// wait collects the rest of stdout and waits for the tool to exit.
func (s *notifySession) wait(t *testing.T, got []stdoutLine) []stdoutLine {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case l, ok := <-s.lines:
			if !ok {
				s.done.Wait()
				if err := s.cmd.Wait(); err != nil {
					t.Fatalf("with-notify-server ... icetimer run: %v\nstderr:\n%s", err, s.stderrText())
				}
				return got
			}
			got = append(got, l)
		case <-timeout:
			t.Fatalf("run did not end within 30 s; stdout so far %q", got)
		}
	}
}

var keptRe = regexp.MustCompile(`kept (\S+)`)

// kept is the tool's temporary directory (-k), which holds mock.log; empty
// until the tool has said where it is.
func (s *notifySession) kept() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := keptRe.FindStringSubmatch(s.stderr.String()); m != nil {
		return m[1]
	}
	return ""
}

// received is a Notify call as the tool reports it, with the mock's own
// timestamp of the call (mock.log, to the millisecond).
type received struct {
	Summary string `json:"summary"`
	Body    string `json:"body"`
	App     string `json:"app"`
	Urgency int    `json:"urgency"`
	at      time.Time
}

var mockLogRe = regexp.MustCompile(`^(\d+)\.(\d{3}) Notify "`)

func (s *notifySession) received(t *testing.T) []received {
	t.Helper()
	data, err := os.ReadFile(s.out)
	if err != nil {
		t.Fatal(err)
	}
	var got []received
	for line := range strings.Lines(string(data)) {
		var r received
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%s: %v", s.out, err)
		}
		got = append(got, r)
	}
	dir := s.kept()
	if dir == "" {
		t.Fatalf("the tool did not say where it kept its files:\n%s", s.stderrText())
	}
	log, err := os.ReadFile(filepath.Join(dir, "mock.log"))
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for line := range strings.Lines(string(log)) {
		m := mockLogRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if i >= len(got) {
			t.Fatalf("mock.log has more Notify calls than the tool reported:\n%s", log)
		}
		sec, _ := strconv.ParseInt(m[1], 10, 64)
		ms, _ := strconv.ParseInt(m[2], 10, 64)
		got[i].at = time.Unix(sec, ms*int64(time.Millisecond)).UTC()
		i++
	}
	if i != len(got) {
		t.Fatalf("mock.log has %d Notify calls, the tool reported %d", i, len(got))
	}
	return got
}

// reminderLineRe is a reminder line of `run`: its instant, then the action.
var reminderLineRe = regexp.MustCompile(`^(\d\d:\d\d:\d\d)  (.*)$`)

// instant is a line's clock time as the instant nearest to near (UTC).
func instant(t *testing.T, line string, near time.Time) time.Time {
	t.Helper()
	m := reminderLineRe.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("line %q does not start with a clock time", line)
	}
	c, err := time.Parse(time.TimeOnly, m[1])
	if err != nil {
		t.Fatal(err)
	}
	y, mo, d := near.UTC().Date()
	at := time.Date(y, mo, d, c.Hour(), c.Minute(), c.Second(), 0, time.UTC)
	switch {
	case at.Sub(near) > 12*time.Hour:
		at = at.AddDate(0, 0, -1)
	case near.Sub(at) > 12*time.Hour:
		at = at.AddDate(0, 0, 1)
	}
	return at
}

// reminders splits run's stdout into reminder lines and fallback lines.
func reminders(lines []stdoutLine) (rem, fallback []stdoutLine) {
	for _, l := range lines {
		if strings.Contains(l.text, "  Desktop notification ") {
			fallback = append(fallback, l)
		} else {
			rem = append(rem, l)
		}
	}
	return rem, fallback
}

// title is the action of a reminder line.
func title(line string) string {
	_, rest, _ := strings.Cut(line, "  ")
	action, _, _ := strings.Cut(rest, ". ")
	return action
}

// The course the tests run: transitions at +0, +2, +4, +6 and +8 s.
var twoSecondCourse = []string{"--cycle", "ice 2s, rest 2s", "--window", "8s", "--quiet", "off"}

var twoSecondTitles = []string{"Put the ice pack on", "Remove the ice pack", "Put the ice pack on", "Remove the ice pack", "Course finished"}

func TestRunNotifiesARealServerOnTime(t *testing.T) {
	s := startRun(t, twoSecondCourse...)
	lines := s.wait(t, nil)
	rem, fallback := reminders(lines)
	if len(fallback) > 0 {
		t.Errorf("fallback lines with a working server: %q", fallback)
	}
	var titles []string
	for _, l := range rem {
		titles = append(titles, title(l.text))
	}
	if !slices.Equal(titles, twoSecondTitles) {
		t.Fatalf("stdout reminders %q, want %q", titles, twoSecondTitles)
	}

	got := s.received(t)
	if len(got) != len(twoSecondTitles) {
		t.Fatalf("the server received %d notifications, want %d: %+v", len(got), len(twoSecondTitles), got)
	}
	wantUrgency := []int{1, 2, 1, 2, 1}
	var lateness []time.Duration
	for i, r := range got {
		if r.App != "icetimer" || r.Summary != twoSecondTitles[i] || r.Urgency != wantUrgency[i] {
			t.Errorf("notification %d: app %q summary %q urgency %d; want icetimer, %q, %d",
				i, r.App, r.Summary, r.Urgency, twoSecondTitles[i], wantUrgency[i])
		}
		late := r.at.Sub(instant(t, rem[i].text, r.at))
		if i == 0 {
			// The course starts at the launch truncated to the second: the
			// first reminder is up to a second "late" by construction.
			t.Logf("start reminder reached the server %v after the start instant", late)
			continue
		}
		lateness = append(lateness, late)
	}
	for _, want := range []struct {
		i    int
		text string
	}{
		{0, "towel between pack and skin"},
		{1, "Rest 2 seconds."},
		{1, "let the skin come back"},
		{4, "The ice stage is complete."},
	} {
		if !strings.Contains(got[want.i].Body, want.text) {
			t.Errorf("notification %d body %q does not say %q", want.i, got[want.i].Body, want.text)
		}
	}
	slices.Sort(lateness)
	median, worst := lateness[len(lateness)/2], lateness[len(lateness)-1]
	t.Logf("lateness of %d reminders at the server (mock.log, ms): median %v, worst %v, all %v",
		len(lateness), median, worst, lateness)
	if lateness[0] < -time.Millisecond || median > serverOnTime || worst > lateBound {
		t.Errorf("reminders reached the server %v after their instants, want the median within %v and each within %v", lateness, serverOnTime, lateBound)
	}
}

// A reminder reaches the notification server within serverOnTime of its
// instant (the median of a run's; tens of milliseconds on an idle machine),
// and never later than lateBound: generous, for a machine loaded by other
// work.
const (
	serverOnTime = 100 * time.Millisecond
	lateBound    = time.Second
)

func TestRunKeepsGoingWhenTheServerFreezes(t *testing.T) {
	s := startRun(t, twoSecondCourse...)
	var pid int
	select {
	case pid = <-s.mockPID:
	case <-time.After(20 * time.Second):
		t.Fatalf("no mock server pid from the tool:\n%s", s.stderrText())
	}
	var lines []stdoutLine
	first, ok := <-s.lines
	if !ok {
		t.Fatal("run printed nothing")
	}
	lines = append(lines, first)
	start := instant(t, first.text, first.read)

	// Freeze the server after the start reminder reached it and before the
	// 2 s change; thaw it between the 4 s and 6 s changes.
	time.Sleep(max(200*time.Millisecond, time.Until(start.Add(1200*time.Millisecond))))
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatalf("SIGSTOP mock %d: %v", pid, err)
	}
	thawed := false
	thaw := func() {
		if !thawed {
			thawed = true
			syscall.Kill(pid, syscall.SIGCONT)
		}
	}
	defer thaw()
	thawAt := time.After(time.Until(start.Add(5 * time.Second)))
collect:
	for {
		select {
		case l, ok := <-s.lines:
			if !ok {
				break collect
			}
			lines = append(lines, l)
		case <-thawAt:
			thaw()
			break collect
		}
	}
	lines = s.wait(t, lines)
	rem, fallback := reminders(lines)

	var titles []string
	for _, l := range rem {
		titles = append(titles, title(l.text))
	}
	if !slices.Equal(titles, twoSecondTitles) {
		t.Fatalf("stdout reminders %q, want every one, frozen server or not: %q", titles, twoSecondTitles)
	}
	// The 2 s reminder times out (2 s); the 4 s one is not tried while the
	// first is stuck and falls back as soon as the worker reaches it, which
	// is when the first times out. The two lines may come in either order.
	wantFallback := map[string]struct {
		reason string
		due    time.Duration
	}{
		"Remove the ice pack": {"timed out: the desktop did not answer in time (2s)", 2 * time.Second},
		"Put the ice pack on": {"failed: the desktop has not answered an earlier notification yet", 4 * time.Second},
	}
	if len(fallback) != len(wantFallback) {
		t.Fatalf("fallback lines %q, want a timeout for the 2 s reminder and one for the 4 s reminder", fallback)
	}
	for _, f := range fallback {
		_, reminder, _ := strings.Cut(f.text, "Reminder: ")
		want, ok := wantFallback[strings.TrimSuffix(reminder, ".")]
		if !ok || !strings.Contains(f.text, "Desktop notification "+want.reason) {
			t.Errorf("fallback line %q, want one of %v", f.text, wantFallback)
			continue
		}
		if late := f.read.Sub(start.Add(want.due)); late > 2500*time.Millisecond {
			t.Errorf("fallback %q read %v after its reminder's instant, want within the 2 s timeout", f.text, late)
		}
	}
	got := s.received(t)
	var summaries []string
	for _, r := range got {
		summaries = append(summaries, r.Summary)
	}
	// The stuck 2 s call is answered once thawed; the 4 s one was never sent;
	// 6 s and 8 s go out as usual.
	want := []string{"Put the ice pack on", "Remove the ice pack", "Remove the ice pack", "Course finished"}
	if !slices.Equal(summaries, want) {
		t.Fatalf("the server received %q, want %q", summaries, want)
	}
	for i, r := range got[2:] {
		due := start.Add(time.Duration(6+2*i) * time.Second)
		if late := r.at.Sub(due); late < 0 || late > lateBound {
			t.Errorf("after the thaw, %q reached the server %v after its instant, want within %v", r.Summary, late, lateBound)
		} else {
			t.Logf("after the thaw, %q reached the server %v after its instant", r.Summary, late)
		}
	}
}

// dbusDaemonsWith lists the dbus-daemon processes running now with the
// variable mark in their environment: those launched on behalf of a process
// that had it, which they inherit, and not those another program on this
// machine starts meanwhile (other test suites do).
func dbusDaemonsWith(t *testing.T, mark string) []string {
	t.Helper()
	var out []string
	dirs, err := os.ReadDir("/proc")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		comm, err := os.ReadFile(filepath.Join("/proc", d.Name(), "comm"))
		if err != nil || strings.TrimSpace(string(comm)) != "dbus-daemon" {
			continue
		}
		// Another user's environment cannot be read: not launched by ours.
		environ, err := os.ReadFile(filepath.Join("/proc", d.Name(), "environ"))
		if err == nil && slices.Contains(strings.Split(string(environ), "\x00"), mark) {
			out = append(out, d.Name())
		}
	}
	return out
}

func TestRunWithoutABusFallsBackAndLaunchesNothing(t *testing.T) {
	if _, err := exec.LookPath("dbus-launch"); err != nil {
		t.Logf("no dbus-launch here: an autolaunch could not happen anyway")
	}
	bin := binary
	for _, tc := range []struct{ name, address string }{
		{"address of a missing socket", "DBUS_SESSION_BUS_ADDRESS=unix:path=" + filepath.Join(t.TempDir(), "no-bus")},
		{"no address at all", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(fmt.Sprintf("/run/user/%d/bus", os.Getuid())); err == nil && tc.address == "" {
				t.Skip("this session has a bus at /run/user/UID/bus")
			}
			mark := "ICETIMER_E2E_RUN=" + t.TempDir()
			cmd := exec.Command(bin, "run", "--cycle", "ice 1s, rest 1s", "--window", "2s", "--quiet", "off")
			cmd.Env = append(slices.DeleteFunc(isolatedEnv(t), func(kv string) bool {
				return strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=")
			}), tc.address, "TZ=UTC", mark)
			begin := time.Now()
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("run: %v\n%s", err, out)
			}
			rem, fallback := reminders(splitLines(string(out), begin))
			if len(rem) != 3 || len(fallback) != 3 {
				t.Fatalf("stdout %q: want 3 reminders, each followed by a fallback line", out)
			}
			for _, f := range fallback {
				if !strings.Contains(f.text, "no desktop session") {
					t.Errorf("fallback %q does not say there is no desktop session", f.text)
				}
			}
			for _, pid := range dbusDaemonsWith(t, mark) {
				t.Errorf("the run launched a dbus-daemon (pid %s)", pid)
			}
		})
	}
}

func splitLines(s string, read time.Time) []stdoutLine {
	var out []stdoutLine
	for l := range strings.Lines(s) {
		out = append(out, stdoutLine{text: strings.TrimRight(strings.TrimLeft(l, "\a"), "\n"), read: read})
	}
	return out
}
