package ui

import (
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

// A read-only view whose driver is gone takes the course over at its next
// reload (issue 9), says so, and drives it: its changes become reminders.
func TestReadOnlyViewTakesOverFromAGoneDriver(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	now := start.Add(5 * time.Minute)
	clock := func() time.Time { return now }
	driver, err := session.Open(dir, session.Options{Clock: clock})
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
	m := NewTimer(c, WithClock(clock), WithWatch(store.ReadOnly(dir), &store.LockedError{PID: 4242, Command: "icetimer"}, take))
	var model tea.Model = m
	model, _ = model.Update(tea.WindowSizeMsg{Width: 100, Height: 30})

	model, _ = model.Update(m.timerCfg.Reload())
	if got := model.(Model); got.Session() != nil || !strings.Contains(ansi.Strip(got.View().Content), "process 4242") {
		t.Fatal("took over while the driver holds the lock")
	}
	driver.Close() // the driver is gone
	model, cmd := model.Update(m.timerCfg.Reload())
	got := model.(Model)
	if got.Session() == nil {
		t.Fatal("did not take over a course nobody drives")
	}
	defer got.Session().Close()
	if cmd == nil || !strings.Contains(ansi.Strip(got.View().Content), words.TookOver[:30]) {
		t.Fatalf("the screen does not say it took over:\n%s", ansi.Strip(got.View().Content))
	}
	if strings.Contains(ansi.Strip(got.View().Content), "Read-only") {
		t.Fatal("still read-only after taking over")
	}
}

// The background run keeps the screen's own reminders: its repeat and
// whether chimes play.
func TestBackgroundArgsKeepTheScreensReminders(t *testing.T) {
	for _, tc := range []struct {
		every time.Duration
		sound bool
		want  string
	}{
		{2 * time.Minute, true, "--sound on --repeat 2m0s"},
		{-1, false, "--sound off --repeat off"},
	} {
		m := NewTimer(schedule.Course{}, WithReminders(tc.every, tc.sound))
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
			WithReadOnly("Read-only: process 4242 (icetimer) drives this course", nil)),
	}
	for name, m := range screens {
		var model tea.Model = m
		model, _ = model.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
		if got := ansi.Strip(model.View().Content); !strings.Contains(got, "today: ice 3, heat 0") {
			t.Errorf("the %s counts otherwise:\n%s", name, got)
		}
	}
}
