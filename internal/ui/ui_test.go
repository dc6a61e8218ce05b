package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/ui/picker"
)

func key(code rune, text string) tea.KeyPressMsg { return tea.KeyPressMsg{Code: code, Text: text} }

// step sends msg and feeds back the message its command makes (one level).
func step(t *testing.T, m tea.Model, msg tea.Msg) tea.Model {
	t.Helper()
	m, cmd := m.Update(msg)
	if cmd != nil {
		if next := cmd(); next != nil {
			if _, ok := next.(picker.StartMsg); ok {
				m, _ = m.Update(next)
			}
		}
	}
	return m
}

func TestPickerStartsAPresetNow(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 0, 7, 600_000_000, time.UTC)
	var saved []schedule.Course
	var m tea.Model = New(WithClock(func() time.Time { return now }), WithDisclaimer(),
		WithSave(func(c schedule.Course) tea.Cmd { saved = append(saved, c); return nil }))
	m = step(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(ansi.Strip(m.View().Content), Disclaimer) {
		t.Fatal("no disclaimer under the picker")
	}
	m = step(t, m, key(tea.KeyDown, ""))  // Ice, then heat
	m = step(t, m, key(tea.KeyEnter, "")) // its settings
	m = step(t, m, key(tea.KeyRight, "")) // window 48h -> 60h
	m = step(t, m, key(tea.KeyEnter, "")) // start
	got := m.(Model)
	if got.Picking() || len(saved) != 1 {
		t.Fatalf("still picking (%v) or saved %d times", got.Picking(), len(saved))
	}
	c := got.Timer().Course()
	if c.Preset != "ice-then-heat" || !c.Start.Equal(now.Truncate(time.Second)) || c.Protocol.Stages[0].Window != 60*time.Hour || c.Quiet.String() != "23:00-07:00" {
		t.Fatalf("course %+v", c)
	}
	if !strings.Contains(ansi.Strip(m.View().Content), "ICE ON") {
		t.Fatalf("timer screen not shown:\n%s", ansi.Strip(m.View().Content))
	}
}

func TestCustomCycleShowsParseErrorAsYouType(t *testing.T) {
	var m tea.Model = New()
	m = step(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	for range schedule.Presets() {
		m = step(t, m, key(tea.KeyDown, ""))
	}
	m = step(t, m, key(tea.KeyEnter, ""))
	for _, r := range "ice 20" {
		m = step(t, m, key(r, string(r)))
	}
	if !strings.Contains(ansi.Strip(m.View().Content), "needs a unit") {
		t.Fatalf("no inline error:\n%s", ansi.Strip(m.View().Content))
	}
	m = step(t, m, key(tea.KeyEnter, ""))
	if !m.(Model).Picking() {
		t.Fatal("a bad cycle started a course")
	}
	m = step(t, m, key('m', "m"))
	m = step(t, m, key(tea.KeyEnter, ""))
	if m.(Model).Picking() || m.(Model).Timer().Course().Protocol.Stages[0].Cycle[0].Duration != 20*time.Minute {
		t.Fatal("a good custom cycle did not start")
	}
}
