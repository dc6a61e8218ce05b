package cli

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
)

// driving is a process's driver in the test's own process: a session that
// serves the control socket, and a loop that applies what it is asked, as
// the screen's and run's do.
type driving struct {
	s      *session.Session
	mu     sync.Mutex
	course schedule.Course
	asked  []session.Request
}

func drive(t *testing.T, st *savedCourseTest, c schedule.Course) *driving {
	t.Helper()
	s, err := session.Open(st.env.StateDir, session.Options{Clock: st.env.Clock, Serve: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(c); err != nil {
		t.Fatal(err)
	}
	d := &driving{s: s, course: c}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case r := <-s.Requests():
				d.mu.Lock()
				d.asked = append(d.asked, r)
				d.course, _ = s.Handle(r, d.course)
				d.mu.Unlock()
			case <-time.After(5 * time.Second):
				return
			}
		}
	}()
	t.Cleanup(func() { s.Close() })
	return d
}

func (d *driving) now() schedule.Course {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.course
}

// Issue 21: every key is a command, and every command reaches the process
// that drives the course: it applies it (its course changes, not only the
// file), and the command prints what it did.
func TestCommandsGoThroughTheDriver(t *testing.T) {
	st := newSavedCourseTest(t)
	st.env.now = st.at(21, 8, 0, 0)
	c := presetCourse(t, "ice-then-heat", st.at(21, 8, 0, 0), false)
	d := drive(t, st, c)
	for _, step := range []struct {
		min  int // the minute past eight it is run at
		args []string
		code int
		says string
		then func(schedule.State) bool
	}{
		{5, []string{"pause"}, 0, "paused: take the ice pack off while paused", func(s schedule.State) bool { return s.Paused }},
		{5, []string{"pause"}, ExitFailure, "paused already", func(s schedule.State) bool { return s.Paused }},
		{6, []string{"resume"}, 0, "resumed: ice until 08:21", func(s schedule.State) bool { return !s.Paused }},
		{6, []string{"extend", "2m"}, 0, "added 2 minutes: ice until 08:23", func(s schedule.State) bool { return s.Remaining == 17*time.Minute }},
		{6, []string{"extend", "30m"}, ExitFailure, "at most 30 min", func(s schedule.State) bool { return s.Remaining == 17*time.Minute }},
		{10, []string{"on-since", "3m"}, 0, "counting this ice from 08:07: ice until 08:27", func(s schedule.State) bool { return s.Remaining == 17*time.Minute }},
		{10, []string{"shorten", "1m"}, 0, "took 1 minute off: ice until 08:26", func(s schedule.State) bool { return s.Remaining == 16*time.Minute }},
		{10, []string{"pain", "6"}, 0, "pain 6 recorded at 08:10", func(s schedule.State) bool { return true }},
		{10, []string{"ack"}, ExitFailure, "no reminder is waiting", func(s schedule.State) bool { return true }},
		{11, []string{"skip"}, 0, "skipped: rest until 08:31", func(s schedule.State) bool { return s.Current.Kind == schedule.Rest }},
		{12, []string{"restart"}, 0, "counting this rest again from now", func(s schedule.State) bool { return s.Remaining == 20*time.Minute }},
		{13, []string{"next-stage"}, 0, "stage 2: heat until 08:33", func(s schedule.State) bool { return s.Current.Kind == schedule.Heat }},
		{13, []string{"next-stage"}, ExitFailure, "last stage", func(s schedule.State) bool { return s.Current.Stage == 1 }},
		{13, []string{"extend", "soon"}, ExitUsage, "want a duration", func(s schedule.State) bool { return true }},
		{14, []string{"stop"}, 0, "stopped the ice-then-heat course started 08:00", func(s schedule.State) bool { return s.Done }},
		{14, []string{"pause"}, ExitNoCourse, "course ended at 08:14", func(s schedule.State) bool { return s.Done }},
	} {
		code, out, errOut := st.run(st.at(21, 8, step.min, 0), step.args...)
		if code != step.code || !strings.Contains(out+errOut, step.says) {
			t.Fatalf("%v: exit %d, %q, %q; want %d saying %q", step.args, code, out, errOut, step.code, step.says)
		}
		if got := d.now().StateAt(st.env.now); !step.then(got) {
			t.Fatalf("%v: the driver's course is now %+v", step.args, got.Current)
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.asked) == 0 || d.asked[0].From != fromHere {
		t.Fatalf("the driver was asked %+v, from %q", d.asked, fromHere)
	}
	if p, ok := d.course.LastPain(); !ok || p.Score != 6 {
		t.Fatal("the driver's course lost the pain score")
	}
}

// The status bars' formats, once and following the driver: a change made
// elsewhere shows as soon as the driver makes it, and the stream ends with
// the course.
func TestStatusFormatsAndFollow(t *testing.T) {
	st := newSavedCourseTest(t)
	st.env.now = st.at(21, 8, 22, 0)
	d := drive(t, st, presetCourse(t, "ice-20-20", st.at(21, 8, 0, 0), false))

	code, out, _ := st.env.run("status", "--format", "waybar")
	var bar document.Waybar
	if err := json.Unmarshal([]byte(out), &bar); code != 0 || err != nil || bar.Class != "alert" || bar.Text != "REST 18m" || bar.Percentage != 10 {
		t.Fatalf("waybar while the removal waits: exit %d, %q (%v)", code, out, err)
	}
	if code, out, _ := st.env.run("status", "--format", "i3blocks"); code != 0 || out != "REST 18:00 left, ice at 08:40\nREST 18m\n#FF5F5F\n" {
		t.Fatalf("i3blocks: exit %d, %q", code, out)
	}
	for _, bad := range [][]string{{"status", "--format", "xml"}, {"status", "--json", "--format", "waybar"}} {
		if code, _, errOut := st.env.run(bad...); code != ExitUsage || !strings.Contains(errOut, "--") {
			t.Errorf("%v: exit %d, %q", bad, code, errOut)
		}
	}

	r, w := io.Pipe()
	followed := make(chan int, 1)
	go func() {
		e := *st.env.Env
		e.Out = w
		followed <- Main([]string{"status", "--follow", "--format", "waybar"}, &e)
		w.Close()
	}()
	lines := bufio.NewScanner(r)
	next := func() document.Waybar {
		t.Helper()
		if !lines.Scan() {
			t.Fatal("status --follow ended early")
		}
		var b document.Waybar
		if err := json.Unmarshal(lines.Bytes(), &b); err != nil {
			t.Fatalf("status --follow printed %q: %v", lines.Text(), err)
		}
		return b
	}
	if b := next(); b.Class != "alert" {
		t.Fatalf("first line %+v", b)
	}
	asked := time.Now()
	if code, _, errOut := st.env.run("ack"); code != 0 {
		t.Fatalf("ack: %d %s", code, errOut)
	}
	if b := next(); b.Class != "rest" {
		t.Fatalf("after ack %+v", b)
	}
	t.Logf("a change made elsewhere reached status --follow %v after the command began", time.Since(asked))
	if code, _, errOut := st.env.run("stop"); code != 0 {
		t.Fatalf("stop: %d %s", code, errOut)
	}
	if b := next(); b.Class != "done" {
		t.Fatalf("after stop %+v", b)
	}
	select {
	case code := <-followed:
		if code != 0 {
			t.Fatalf("status --follow exit %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("status --follow went on after the course ended")
	}
	_ = d
}
