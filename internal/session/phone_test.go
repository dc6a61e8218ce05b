package session

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/hooks"
	"github.com/icetimer/icetimer/internal/notify"
	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/ntfy/ntfytest"
	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// fakeClock is a wall clock the test moves, read by the session, the
// publisher's worker and the fake server alike.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// waitedPhone makes each call wait for the server's answer, so that the
// test reads the server after the request, not during it; a failure fails
// the test.
type waitedPhone struct {
	*ntfy.Publisher
	t *testing.T
}

func (p waitedPhone) wait(c <-chan ntfy.Result) <-chan ntfy.Result {
	select {
	case r := <-c:
		if !r.OK() {
			p.t.Errorf("phone: %v", r.Err)
		}
		out := make(chan ntfy.Result, 1)
		out <- r
		return out
	case <-time.After(10 * time.Second):
		p.t.Fatal("the publisher never answered")
		return nil
	}
}

func (p waitedPhone) Publish(r words.Reminder) <-chan ntfy.Result {
	return p.wait(p.Publisher.Publish(r))
}

func (p waitedPhone) Schedule(r words.Reminder, at time.Time) <-chan ntfy.Result {
	return p.wait(p.Publisher.Schedule(r, at))
}

func (p waitedPhone) Cancel() <-chan ntfy.Result { return p.wait(p.Publisher.Cancel()) }

// shortCourse is ice 20m, rest 20m for two hours, quiet hours off.
func shortCourse(start time.Time) schedule.Course {
	c := iceCourse(start)
	c.Protocol.Stages[0].Window = 2 * time.Hour
	return c
}

// driver does what the screen and `run` do with a session: announce the
// changes due (remind.Announcer), and save the person's events.
type driver struct {
	t      *testing.T
	s      *Session
	clock  *fakeClock
	course schedule.Course
	told   remind.Announcer
}

func (d *driver) at(hhmm string) time.Time {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		d.t.Fatal(err)
	}
	return time.Date(testStart.Year(), testStart.Month(), testStart.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC)
}

// tick moves the clock to hhmm and reminds of what changed.
func (d *driver) tick(hhmm string) {
	now := d.at(hhmm)
	d.clock.Set(now)
	if ts := d.told.Due(d.course, now); len(ts) > 0 {
		r := words.For(d.course, ts, d.course.StateAt(now), time.UTC)
		<-d.s.Remind(r, d.told.Handled())
	}
}

// event records the person's key press at hhmm and saves it.
func (d *driver) event(hhmm string, typ schedule.EventType) {
	d.tick(hhmm)
	d.course.Events = append(d.course.Events, schedule.Event{Type: typ, At: d.at(hhmm)})
	if err := d.s.Save(d.s.Ticket(), d.course); err != nil {
		d.t.Fatal(err)
	}
}

func newDriver(t *testing.T, phone Phone, hooks Hooks, clock *fakeClock) *driver {
	t.Helper()
	s, err := Open(t.TempDir(), Options{Clock: clock.Now, Notifier: newHeldNotifierAnswering(), Phone: phone, Hooks: hooks})
	if err != nil {
		t.Fatal(err)
	}
	d := &driver{t: t, s: s, clock: clock, course: shortCourse(testStart), told: remind.NewAnnouncer(testStart)}
	if err := s.Start(d.course); err != nil {
		t.Fatal(err)
	}
	return d
}

// A short course with a pause and a skip, as the phone's server sees it;
// then the computer dies (the session is abandoned, never closed) and the
// message for the next change is still there, for the right time.
func TestThePhoneFollowsACourseAndOutlivesTheProcess(t *testing.T) {
	clock := &fakeClock{now: testStart}
	srv := ntfytest.New(t, "my-back", "tk_test", clock.Now)
	pub := ntfy.New(srv.Config(), ntfy.Options{Now: clock.Now})
	d := newDriver(t, waitedPhone{pub, t}, nil, clock)

	d.tick("08:00")                   // ice on; 08:20 scheduled at Start
	d.event("08:10", schedule.Pause)  // nothing comes while paused: cancelled
	d.event("08:15", schedule.Resume) // 10 min left: 08:25
	d.tick("08:25")                   // remove the ice; 08:45 scheduled
	d.event("08:30", schedule.Skip)   // rest skipped: ice from 08:30 to 08:50
	// kill -9: no Close, no Cancel.

	t.Logf("requests the fake ntfy server received:\n%s", srv.Log())
	want := []string{
		"POST /my-back | Remove the ice pack | 5 | icetimer-%s | At %s", "08:20", "08:20",
		"POST /my-back | Put the ice pack on | 3 | icetimer-%s | At ", "08:00", "",
		"DELETE /my-back/icetimer-%s", "08:20", "",
		"POST /my-back | Remove the ice pack | 5 | icetimer-%s | At %s", "08:25", "08:25",
		"POST /my-back | Remove the ice pack | 5 | icetimer-%s | At ", "08:25", "",
		"POST /my-back | Put the ice pack on | 3 | icetimer-%s | At %s", "08:45", "08:45",
		"DELETE /my-back/icetimer-%s", "08:45", "",
		"POST /my-back | Remove the ice pack | 5 | icetimer-%s | At %s", "08:50", "08:50",
	}
	var got, expected []string
	for _, r := range srv.Requests() {
		if r.Refused != "" || r.Header.Get("Authorization") != "Bearer tk_test" {
			t.Errorf("%s %s refused (%s) or without the token", r.Method, r.Path, r.Refused)
		}
		line := r.Method + " " + r.Path
		if r.Method == http.MethodPost {
			line += fmt.Sprintf(" | %s | %s | %s | At %s", r.Header.Get("Title"), r.Header.Get("Priority"), r.Header.Get("X-Sequence-ID"), r.Header.Get("At"))
		}
		got = append(got, line)
	}
	for i := 0; i < len(want); i += 3 {
		at := ""
		if want[i+2] != "" {
			at = fmt.Sprint(d.at(want[i+2]).Unix())
		}
		line := want[i]
		if strings.Count(line, "%s") == 2 {
			line = fmt.Sprintf(line, fmt.Sprint(d.at(want[i+1]).Unix()), at)
		} else {
			line = fmt.Sprintf(line, fmt.Sprint(d.at(want[i+1]).Unix()))
		}
		expected = append(expected, strings.TrimSuffix(line, " "))
	}
	for i := range got {
		got[i] = strings.TrimSuffix(got[i], " ")
	}
	if strings.Join(got, "\n") != strings.Join(expected, "\n") {
		t.Fatalf("requests:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(expected, "\n"))
	}
	left := srv.Scheduled()
	if len(left) != 1 || !left[0].At.Equal(d.at("08:50")) || left[0].Priority != "5" || left[0].Title != "Remove the ice pack" {
		t.Fatalf("after the process died the server holds %+v; want the 08:50 removal, priority 5", left)
	}
}

// Stopping the course takes the scheduled message off the server, even in
// a process that never scheduled it (`icetimer stop`).
func TestStopCancelsWhatAnEarlierProcessScheduled(t *testing.T) {
	clock := &fakeClock{now: testStart}
	srv := ntfytest.New(t, "t", "", clock.Now)
	dir := t.TempDir()
	first, err := Open(dir, Options{Clock: clock.Now, Phone: waitedPhone{ntfy.New(srv.Config(), ntfy.Options{Now: clock.Now}), t}})
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start(shortCourse(testStart)); err != nil {
		t.Fatal(err)
	}
	first.Close()
	if n := len(srv.Scheduled()); n != 1 {
		t.Fatalf("%d scheduled after Start, want 1", n)
	}

	clock.Set(testStart.Add(5 * time.Minute))
	stopper, err := Open(dir, Options{Clock: clock.Now, Phone: waitedPhone{ntfy.New(srv.Config(), ntfy.Options{Now: clock.Now}), t}})
	if err != nil {
		t.Fatal(err)
	}
	defer stopper.Close()
	if _, _, err := stopper.Stop(); err != nil {
		t.Fatal(err)
	}
	if s := srv.Scheduled(); len(s) != 0 {
		t.Fatalf("after stop the server still holds %+v\n%s", s, srv.Log())
	}
}

// The hook runs at each change with the change in its environment; one that
// hangs is killed at its limit and says so on Troubles, and the reminder
// after it goes out on time.
func TestHooksRunAtEachChangeAndNeverHoldTheNext(t *testing.T) {
	if testing.Short() {
		t.Skip("runs hooks through the shell")
	}
	clock := &fakeClock{now: testStart}
	out := filepath.Join(t.TempDir(), "events")
	line := `echo "$ICETIMER_EVENT $ICETIMER_AT $ICETIMER_NEXT_AT" >> "` + out + `"; [ "$ICETIMER_EVENT" = ice-off ] && sleep 600; true`
	runner := hooks.New(hooks.Config{OnChange: line}, hooks.Options{Limit: 300 * time.Millisecond})
	d := newDriver(t, nil, runner, clock)
	desktop := d.s.notifier.(*answeringNotifier)

	d.tick("08:00")
	d.tick("08:20") // its hook hangs
	start := time.Now()
	d.tick("08:40")
	if took := time.Since(start); took > time.Second {
		t.Fatalf("the reminder after a hanging hook took %s", took)
	}
	if n := desktop.count(); n != 3 {
		t.Fatalf("%d reminders on the desktop, want 3", n)
	}
	select {
	case err := <-d.s.Troubles():
		if !strings.Contains(err.Error(), "ice-off") || !strings.Contains(err.Error(), "killed after") {
			t.Fatalf("trouble %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the hung hook's kill was never reported")
	}
	d.s.Close() // the last hook finishes first
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	f := func(hhmm string) string { return d.at(hhmm).Format(time.RFC3339) }
	want := strings.Join([]string{
		"ice-on " + f("08:00") + " " + f("08:20"),
		"ice-off " + f("08:20") + " " + f("08:40"),
		"ice-on " + f("08:40") + " " + f("09:00"),
	}, "\n") + "\n"
	if string(data) != want {
		t.Fatalf("the hook saw:\n%s\nwant:\n%s", data, want)
	}
}

// answeringNotifier delivers every desktop notification at once, counting.
type answeringNotifier struct {
	mu sync.Mutex
	n  int
}

func newHeldNotifierAnswering() *answeringNotifier { return &answeringNotifier{} }

func (a *answeringNotifier) Send(n notifyNotification) <-chan notifyResult {
	a.mu.Lock()
	a.n++
	a.mu.Unlock()
	c := make(chan notifyResult, 1)
	c <- notifyResult{Notification: n, Outcome: delivered}
	return c
}

func (a *answeringNotifier) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.n
}

func (a *answeringNotifier) Withdraw(string) {}
func (a *answeringNotifier) Close()          {}

type (
	notifyNotification = notify.Notification
	notifyResult       = notify.Result
)

const delivered = notify.Delivered
