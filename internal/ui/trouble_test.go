package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/hooks"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/words"
)

// failingHooks is an on_change hook that always fails.
type failingHooks struct{}

func (failingHooks) Run(hooks.Event) <-chan error {
	failed := make(chan error, 1)
	failed <- errors.New("on_change hook failed: exit status 1")
	return failed
}

func (failingHooks) Close() {}

// A phone push or a hook that fails is shown as the timer screen's problem
// line (issue 13): the person learns the reminder did not go out there.
func TestTroublesShowOnTheScreen(t *testing.T) {
	start := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	now := start.Add(5 * time.Minute)
	s, err := session.Open(t.TempDir(), session.Options{Clock: func() time.Time { return now }, Hooks: failingHooks{}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := schedule.Course{Preset: "ice-20-20", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
	}}}}
	var model tea.Model = NewTimer(c, WithSession(s))
	model, _ = model.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	ts := c.Transitions(start, start.Add(time.Second))
	<-s.Remind(words.For(c, ts, c.StateAt(now), time.UTC), now)
	model, _ = model.Update(waitTrouble(s)())
	if screen := ansi.Strip(model.View().Content); !strings.Contains(screen, "on_change hook failed") {
		t.Fatalf("the hook's failure is not on the screen:\n%s", screen)
	}
}
