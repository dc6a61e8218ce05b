package ui

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// A read-only view follows the driver's control socket and is a remote
// control of it; when the driver is gone (here it hands over and no one
// takes the course) the view takes the course over at once, says so, and
// drives it: its changes become reminders.
func TestReadOnlyViewFollowsAndTakesOver(t *testing.T) {
	f := newWatched(t)
	go func() { // the driver's loop: it applies what the view asks
		c := f.course
		for r := range f.driver.Requests() {
			c, _ = f.driver.Handle(r, c)
		}
	}()
	model, follow := f.view(t, 10*time.Millisecond)
	mustSee(t, model, "process "+strconv.Itoa(os.Getpid()), "ICE ON", "15 min left")

	model, cmd := model.Update(tea.KeyPressMsg{Code: ' ', Text: " "})
	model, _ = model.Update(cmd()) // the driver's answer
	mustSee(t, model, "Paused")
	model, follow = model.Update(follow()) // the paused course, published
	mustSee(t, model, "PAUSED")

	f.driver.CloseFor("handed over to nobody")
	model, find := model.Update(follow()) // goodbye: look for the next driver
	model, _ = model.Update(find())
	got := model.(Model)
	if got.Session() == nil {
		t.Fatal("did not take over a course nobody drives")
	}
	defer got.Session().Close()
	mustSee(t, model, words.TookOver[:30], "PAUSED")
	if strings.Contains(ansi.Strip(got.View().Content), "Read-only") {
		t.Fatal("still read-only after taking over")
	}
}

// A driver that says goodbye has handed the course to a background run:
// the view leaves the free lock to that run, and follows it once it
// comes, rather than winning the race and leaving the run a "course in
// use" line.
func TestAViewLeavesTheLockToTheNextDriver(t *testing.T) {
	f := newWatched(t)
	model, follow := f.view(t, handOverWait)
	f.driver.CloseFor("handed over to icetimer run")
	model, find := model.Update(follow()) // the goodbye
	next := make(chan *session.Session, 1)
	go func() { // the background run, a little after the goodbye
		time.Sleep(300 * time.Millisecond)
		s, err := session.Open(f.dir, session.Options{Clock: f.clock, Serve: true})
		if err != nil {
			t.Errorf("the next driver found no free lock: %v", err)
		}
		next <- s
	}()
	model, _ = model.Update(find())
	if s := <-next; s != nil {
		defer s.Close()
	}
	if model.(Model).Session() != nil {
		model.(Model).Session().Close()
		t.Fatal("the view took the lock the next driver was coming for")
	}
	if model.(Model).watch.socket == "" {
		t.Fatal("the view follows no driver")
	}
}

// watched is a course driven in this process, with a control socket, for a
// view to follow.
type watched struct {
	dir    string
	clock  func() time.Time
	driver *session.Session
	course schedule.Course
	take   func() (*session.Session, error)
	holder *store.LockedError
}

func newWatched(t *testing.T) watched {
	t.Helper()
	f := watched{dir: t.TempDir()}
	start := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	f.clock = func() time.Time { return start.Add(5 * time.Minute) }
	var err error
	f.driver, err = session.Open(f.dir, session.Options{Clock: f.clock, Serve: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.driver.Close() })
	f.course = schedule.Course{Preset: "ice-20-20", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
	}}}}
	if err := f.driver.Start(f.course); err != nil {
		t.Fatal(err)
	}
	f.take = func() (*session.Session, error) { return session.Open(f.dir, session.Options{Clock: f.clock}) }
	_, err = f.take()
	if !errors.As(err, &f.holder) || f.holder.Socket == "" {
		t.Fatalf("the driver's lock names no socket: %v", err)
	}
	return f
}

// view is a read-only screen following the driver, its first course
// received, leaving the lock for wait after a goodbye; follow waits for
// the next update.
func (f watched) view(t *testing.T, wait time.Duration) (model tea.Model, follow tea.Cmd) {
	t.Helper()
	m := NewTimer(schedule.Course{}, WithClock(f.clock), WithWatch(store.ReadOnly(f.dir), f.holder, f.take))
	m.watch.handOverWait = wait
	model, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	model, follow = model.Update(m.watchInit()()) // the driver's socket found
	model, follow = model.Update(follow())        // the course it published
	return model, follow
}

func mustSee(t *testing.T, model tea.Model, want ...string) {
	t.Helper()
	screen := ansi.Strip(model.(Model).View().Content)
	for _, w := range want {
		if !strings.Contains(screen, w) {
			t.Fatalf("the view does not show %q:\n%s", w, screen)
		}
	}
}

// The background run keeps the screen's own reminders: its repeat, whether
// chimes play, whether a voice speaks and whether the computer is kept
// awake.
func TestBackgroundArgsKeepTheScreensReminders(t *testing.T) {
	for _, tc := range []struct {
		every                   time.Duration
		sound, voice, keepAwake bool
		want                    string
	}{
		{2 * time.Minute, true, false, true, "--sound on --voice off --keep-awake on --repeat 2m0s"},
		{-1, false, true, false, "--sound off --voice on --keep-awake off --repeat off"},
	} {
		m := NewTimer(schedule.Course{}, WithReminders(tc.every, tc.sound), WithVoice(tc.voice), WithKeepAwake(tc.keepAwake))
		if got := strings.Join(m.BackgroundArgs(), " "); got != tc.want {
			t.Errorf("BackgroundArgs = %q, want %q", got, tc.want)
		}
	}
}

// A read-only view counts today's applications as the driver does: the
// courses that ended today included (issue 22).
func TestReadOnlyViewCountsTodayAsTheDriver(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	now := start.Add(5 * time.Minute)
	clock := func() time.Time { return now }
	cycle := schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}}
	earlier := schedule.Course{Preset: "ice-20-20", Start: start.Add(-2 * time.Hour), Protocol: schedule.Protocol{Stages: []schedule.Stage{{Cycle: cycle}}}}
	driver, err := session.Open(dir, session.Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close()
	if err := driver.Store().Archive(earlier, start.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	c := schedule.Course{Preset: "ice-20-20", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{Cycle: cycle}}}}
	if err := driver.Start(c); err != nil {
		t.Fatal(err)
	}
	screens := map[string]Model{
		"driver": NewTimer(c, WithSession(driver)),
		"view": NewTimer(c, WithClock(clock), WithStoreHistory(store.ReadOnly(dir), now),
			WithWatch(store.ReadOnly(dir), &store.LockedError{PID: 4242, Command: "icetimer"}, nil)),
	}
	for name, m := range screens {
		var model tea.Model = m
		model, _ = model.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
		if got := ansi.Strip(model.View().Content); !strings.Contains(got, "today: ice 3, heat 0") {
			t.Errorf("the %s counts otherwise:\n%s", name, got)
		}
	}
}

// A view whose driver stopped the course and quit takes nothing over: the
// lock stays free for whoever starts the next course, and the view says
// no course is saved and none drives one.
func TestAViewLeavesTheLockWhenNoCourseIsLeft(t *testing.T) {
	f := newWatched(t)
	take, taken := f.take, 0
	f.take = func() (*session.Session, error) {
		s, err := take()
		if err == nil {
			taken++
		}
		return s, err
	}
	model, follow := f.view(t, 10*time.Millisecond)
	driver := f.driver
	if _, _, err := driver.Stop(); err != nil {
		t.Fatal(err)
	}
	driver.CloseFor("stopped")
	for range 3 { // the stopped course, the goodbye, the look for a driver
		model, follow = model.Update(follow())
	}
	if model.(Model).Session() != nil {
		t.Fatal("the view took a lock with no course to drive")
	}
	// The view is wide enough for the line unwrapped; the driver's line,
	// naming a process gone, does not stay.
	mustSee(t, model, "NO COURSE", "no icetimer drives a course now")
	if screen := ansi.Strip(model.(Model).View().Content); strings.Contains(screen, "Read-only: process") {
		t.Fatalf("the view still names the driver that quit:\n%s", screen)
	}
	if taken != 0 {
		t.Fatalf("the view took the lock %d times with no course to drive", taken)
	}
	next, err := take()
	if err != nil {
		t.Fatalf("the lock is not free for the next course: %v", err)
	}
	next.Close()
}
