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
	dir := t.TempDir()
	start := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	now := start.Add(5 * time.Minute)
	clock := func() time.Time { return now }
	driver, err := session.Open(dir, session.Options{Clock: clock, Serve: true})
	if err != nil {
		t.Fatal(err)
	}
	c := schedule.Course{Preset: "ice-20-20", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
	}}}}
	if err := driver.Start(c); err != nil {
		t.Fatal(err)
	}
	go func() { // the driver's loop: it applies what the view asks
		for r := range driver.Requests() {
			c, _ = driver.Handle(r, c)
		}
	}()
	take := func() (*session.Session, error) { return session.Open(dir, session.Options{Clock: clock}) }
	_, err = take()
	var holder *store.LockedError
	if !errors.As(err, &holder) || holder.Socket == "" {
		t.Fatalf("the driver's lock names no socket: %v", err)
	}
	m := NewTimer(schedule.Course{}, WithClock(clock), WithWatch(store.ReadOnly(dir), holder, take))
	var model tea.Model = m
	model, _ = model.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	model, follow := model.Update(m.watchInit()()) // the driver's socket found
	model, follow = model.Update(follow())         // the course it published
	mustSee(t, model, "process "+strconv.Itoa(os.Getpid()), "ICE ON", "15 min left")

	model, cmd := model.Update(tea.KeyPressMsg{Code: ' ', Text: " "})
	model, _ = model.Update(cmd()) // the driver's answer
	mustSee(t, model, "Paused")
	model, follow = model.Update(follow()) // the paused course, published
	mustSee(t, model, "PAUSED")

	driver.CloseFor("handed over to nobody")
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
// no course is saved.
func TestAViewLeavesTheLockWhenNoCourseIsLeft(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return start.Add(5 * time.Minute) }
	driver, err := session.Open(dir, session.Options{Clock: clock, Serve: true})
	if err != nil {
		t.Fatal(err)
	}
	c := schedule.Course{Preset: "ice-20-20", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
	}}}}
	if err := driver.Start(c); err != nil {
		t.Fatal(err)
	}
	take := func() (*session.Session, error) { return session.Open(dir, session.Options{Clock: clock}) }
	_, err = take()
	var holder *store.LockedError
	if !errors.As(err, &holder) {
		t.Fatalf("the driver holds no lock: %v", err)
	}
	m := NewTimer(c, WithClock(clock), WithWatch(store.ReadOnly(dir), holder, take))
	var model tea.Model = m
	model, _ = model.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	model, follow := model.Update(m.watchInit()())
	model, follow = model.Update(follow())
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
	mustSee(t, model, "NO COURSE")
	next, err := take()
	if err != nil {
		t.Fatalf("the lock is not free for the next course: %v", err)
	}
	next.Close()
}
