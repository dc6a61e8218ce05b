package store

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// Tests that need a second process re-execute this test binary with
// helperEnv naming the part to play; TestMain runs that part instead of the
// tests.
const (
	helperEnv    = "ICETIMER_STORE_HELPER"
	helperDirEnv = "ICETIMER_STORE_DIR"
)

// helpers are the parts a re-executed test binary can play.
var helpers = map[string]func(s *Store) error{}

func TestMain(m *testing.M) {
	if name := os.Getenv(helperEnv); name != "" {
		s, err := OpenDir(os.Getenv(helperDirEnv))
		if err == nil {
			err = helpers[name](s)
		}
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// helperProcess is a running helper with its stdout read line by line.
type helperProcess struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	lines chan string
}

// startHelper starts the helper name on the state directory dir; under
// -short the test skips instead, as tests that start processes do.
func startHelper(t *testing.T, name, dir string) *helperProcess {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a second process")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+name, helperDirEnv+"="+dir)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &helperProcess{cmd: cmd, stdin: stdin, lines: make(chan string, 1024)}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			h.lines <- sc.Text()
		}
		close(h.lines)
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return h
}

// expect reads lines until one starts with prefix, and returns it.
func (h *helperProcess) expect(t *testing.T, prefix string) string {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case line, ok := <-h.lines:
			if !ok {
				t.Fatalf("helper ended before printing %q", prefix)
			}
			if strings.HasPrefix(line, prefix) {
				return line
			}
		case <-timeout:
			t.Fatalf("helper did not print %q within 20s", prefix)
		}
	}
}

// berlin is a zone with daylight saving: 2026-10-25 03:00 CEST becomes 02:00 CET.
func berlin(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatalf("time zone data: %v", err)
	}
	return loc
}

// testCourse is ice-then-heat started at start, with 23:00-07:00 quiet hours
// in loc.
func testCourse(start time.Time, loc *time.Location) schedule.Course {
	p, _ := schedule.PresetByID("ice-then-heat")
	q, _ := schedule.ParseQuietHours("23:00-07:00", loc)
	return schedule.Course{Preset: p.ID, Protocol: p.Protocol, Start: start, Quiet: q}
}

// nthEvent is the i-th event of a made-up but varied course: every kind of
// event, 47 s apart from start.
func nthEvent(start time.Time, i int) schedule.Event {
	e := schedule.Event{At: start.Add(time.Duration(i+1) * 47 * time.Second)}
	switch i % 5 {
	case 0:
		e.Type = schedule.Pause
	case 1:
		e.Type = schedule.Resume
	case 2:
		e.Type, e.Amount = schedule.Extend, 5*time.Minute
	case 3:
		e.Type = schedule.Skip
	default:
		e.Type = schedule.Restart
	}
	return e
}
