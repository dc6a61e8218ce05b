package plain

import (
	"bufio"
	"context"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
)

// plainTest is a plain screen on a real session in a temporary directory,
// its clock set by the test, its keys typed into a pipe and its lines read
// back as they come.
type plainTest struct {
	t      *testing.T
	clock  atomic.Int64 // Unix nanoseconds
	keys   *os.File
	lines  chan string
	ending chan Ending
	seen   []string
}

// startPlain opens a plain screen on a new ice 20m, rest 20m course started
// at 08:00 local time, the clock at start, announcing from the start.
func startPlain(t *testing.T) *plainTest { return openPlain(t, 0, 0, 0) }

// openPlain opens a plain screen on the course of startPlain with a skin
// check skin into each ice phase (0: none), the clock at 08:00 plus now,
// announcing from 08:00 plus since.
func openPlain(t *testing.T, now, since, skin time.Duration) *plainTest {
	t.Helper()
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.Local)
	p := &plainTest{t: t, lines: make(chan string, 64), ending: make(chan Ending, 1)}
	p.clock.Store(start.Add(now).UnixNano())
	// The boot clock moves with the wall clock: the test's time is lived,
	// never a step of the clock.
	s, err := session.Open(t.TempDir(), session.Options{
		Clock: func() time.Time { return time.Unix(0, p.clock.Load()) },
		Boot:  func() (time.Duration, bool) { return time.Duration(p.clock.Load()), true },
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	q, _ := schedule.ParseQuietHours("off", time.Local)
	c := schedule.Course{Preset: "custom", Start: start, Quiet: q, SkinCheck: skin, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
	}}}}
	if err := s.Start(c); err != nil {
		t.Fatal(err)
	}
	keys, typed, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	p.keys = typed
	out, written := io.Pipe()
	go func() {
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				break
			}
			p.lines <- strings.TrimSuffix(line, "\n")
		}
		close(p.lines)
	}()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, e := Run(ctx, s, Config{Course: c, Since: start.Add(since), Keys: keys, Out: written, CRLF: true})
		written.Close()
		p.ending <- e
	}()
	// Before the session closes (cleanups run last first): the screen ends.
	t.Cleanup(func() {
		cancel()
		go func() {
			for range p.lines { // what the test left unread must not hold the screen
			}
		}()
		<-done
		typed.Close()
		keys.Close()
	})
	return p
}

// at sets the clock to 08:00 plus d.
func (p *plainTest) at(d time.Duration) {
	p.clock.Store(time.Date(2026, 11, 21, 8, 0, 0, 0, time.Local).Add(d).UnixNano())
}

// typing types keys, then waits for a line holding each of want, in order.
func (p *plainTest) typing(keys string, want ...string) {
	p.t.Helper()
	if keys != "" {
		if _, err := p.keys.WriteString(keys); err != nil {
			p.t.Fatal(err)
		}
	}
	for _, w := range want {
		p.expect(w)
	}
}

// expect waits (at most 10 s) for the next line holding want.
func (p *plainTest) expect(want string) {
	p.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case line, ok := <-p.lines:
			if !ok {
				p.t.Fatalf("the screen ended before a line with %q; lines:\n%s", want, strings.Join(p.seen, "\n"))
			}
			p.seen = append(p.seen, line)
			if !strings.HasSuffix(line, "\r") {
				p.t.Fatalf("line %q does not end in CRLF, as a terminal in raw mode needs", line)
			}
			if strings.Contains(line, want) {
				return
			}
		case <-timeout:
			p.t.Fatalf("no line with %q within 10 s; lines:\n%s", want, strings.Join(p.seen, "\n"))
		}
	}
}

// Every key of the screen, and what it says: a line each, whole sentences.
func TestPlainKeys(t *testing.T) {
	p := startPlain(t)
	p.typing("", "icetimer: the custom course started 08:00. Press t for the time left",
		"08:00:00  Put the ice pack on. Ice 20 minutes, until 08:20.")
	p.at(4*time.Minute + 30*time.Second)
	p.typing("t", "08:04:30  Ice: 16 minutes left, until 08:20, then rest.")
	p.at(4 * time.Minute)
	p.typing("o3\x7f2\r", "The pack went on how many minutes ago?", "08:04:00  Counting this ice from 08:02: ice until 08:22.")
	p.typing(" ", "08:04:00  Paused: take the ice pack off while paused.")
	p.at(6 * time.Minute)
	p.typing("t", "08:06:00  Paused, with 18 minutes of ice left: press space to resume.")
	p.typing(" ", "08:06:00  Resumed: ice until 08:24.")
	p.typing("+", "08:06:00  Added 5 minutes: ice until 08:29.")
	p.typing("-", "08:06:00  Took 5 minutes off: ice until 08:24.")
	p.typing("a", "08:06:00  Not done: no reminder is waiting")
	p.typing("o\x1b", "The pack went on how many minutes ago?", "Nothing changed.")
	p.typing("r", "08:06:00  Counting this ice again from now: ice until 08:26.")
	p.typing("?", "Keys: a, the pack is off")
	p.typing("x", "Stop the course? y stops it, n keeps going.")
	p.typing("n", "Nothing changed.")
	p.typing("s", "08:06:00  Skipped: rest until 08:26.")
	p.typing("o", "08:06:00  No pack is on now")
	p.typing("q", "Quit: keep reminding you in the background?")
	p.typing("z", "Quit: keep reminding you in the background?")
	p.typing("\x1b", "Nothing changed.")
	p.typing("\x03", "Quit: keep reminding you in the background?")
	p.typing("y")
	select {
	case e := <-p.ending:
		if e != KeepReminding {
			t.Errorf("ended %v, want KeepReminding", e)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the screen did not end within 10 s of y")
	}
}

// q, then n, stops the reminders; x, then y, stops the course, which ends
// the screen.
func TestPlainEndings(t *testing.T) {
	for _, tc := range []struct {
		keys string
		want Ending
	}{
		{"qn", NoReminders},
		{"xy", Finished},
	} {
		p := startPlain(t)
		p.typing("", "Put the ice pack on.")
		p.typing(tc.keys)
		select {
		case e := <-p.ending:
			if e != tc.want {
				t.Errorf("%q: ended %v, want %v", tc.keys, e, tc.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%q: the screen did not end within 10 s", tc.keys)
		}
		if tc.want == Finished {
			p.expect("Stopped the custom course started 08:00")
		}
	}
}

// Opened on a course with nothing to tell at once (a resume), the screen
// says where the course stands; with something to tell, it tells that.
func TestPlainOpening(t *testing.T) {
	p := openPlain(t, 5*time.Minute, time.Second, 0)
	p.expect("icetimer: the custom course started 08:00.")
	p.expect("08:05:00  Ice: 15 minutes left, until 08:20, then rest.")

	p = openPlain(t, 25*time.Minute, time.Second, 0)
	p.expect("icetimer: the custom course started 08:00.")
	select {
	case line := <-p.lines:
		if !strings.Contains(line, "Remove the ice pack. This change was due at 08:20. Rest 15 minutes.") {
			t.Errorf("the line after the opening %q, want the removal missed", line)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no line after the opening within 10 s")
	}
}

// The skin check is asked once it comes, with the bell; k and n answer it,
// and say so when none waits; numb takes the ice off, told as a change.
func TestPlainSkinCheck(t *testing.T) {
	p := openPlain(t, 0, 0, 8*time.Minute)
	p.typing("", "Put the ice pack on.")
	p.at(2 * time.Minute)
	p.typing("k", "08:02:00  No skin check is waiting")
	p.typing("n", "08:02:00  No skin check is waiting")
	// Any request wakes the driver, which finds the check come.
	p.at(8*time.Minute + time.Second)
	p.typing("k", "\a08:08:01  Skin check: is the skin under the ice just cold or aching?", "08:08:01  Skin check answered: fine.")

	p = openPlain(t, 0, 0, 8*time.Minute)
	p.typing("", "Put the ice pack on.")
	p.at(8*time.Minute + time.Second)
	p.typing("n", "Skin check: is the skin under the ice", "08:08:01  Skin numb or white: take the ice pack off now")
	// The removal is told at the driver's next look, a request here.
	p.at(8*time.Minute + 2*time.Second)
	p.typing("a", "08:08:01  Remove the ice pack: the skin went numb.", "08:08:02  Acknowledged: rest until 08:28.")
}
