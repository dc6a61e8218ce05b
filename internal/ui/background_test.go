package ui

import (
	"bytes"
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/ui/picker"
)

// TestLightBackgroundReachesTheTimer answers the background query with a
// light colour while the picker shows: the timer screen opened afterwards
// draws in the light styles (ice in a dark blue, 256-colour 25), not the
// dark ones (a light blue, 75).
func TestLightBackgroundReachesTheTimer(t *testing.T) {
	utf8Terminal(t)
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		bg        color.Color
		want, not string
	}{
		{color.White, "38;5;25m", "38;5;75m"},
		{color.Black, "38;5;75m", "38;5;25m"},
	} {
		var m tea.Model = New(WithClock(func() time.Time { return now }))
		m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m, _ = m.Update(tea.BackgroundColorMsg{Color: c.bg})
		p, _ := schedule.PresetByID("ice-20-20")
		m, _ = m.Update(picker.StartMsg{Course: schedule.Course{Start: now, Preset: p.ID, Protocol: p.Protocol}})
		var buf bytes.Buffer
		w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.ANSI256}
		if _, err := w.WriteString(m.View().Content); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("background %v: want colour %q and not %q in\n%q", c.bg, c.want, c.not, got)
		}
	}
}
