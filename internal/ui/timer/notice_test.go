package timer

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
)

// The notice (the disclaimer on first run) sits at the foot of the screen
// and is the first line to go when the window is short.
func TestNoticeShowsWhereThereIsRoom(t *testing.T) {
	const notice = "icetimer is a reminder timer, not a medical device or medical advice."
	c := schedule.Course{Preset: "ice-20-20", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
	}}}}
	clk := &clock{start.Add(time.Minute)}
	m := New(c, Config{Now: clk.now, Notice: notice})
	send(&m, tea.WindowSizeMsg{Width: 80, Height: 24})
	send(&m, TickMsg{ID: m.id})
	if got := screenText(m); !strings.Contains(got, notice) {
		t.Errorf("80x24 screen lacks the notice:\n%s", got)
	}
	send(&m, tea.WindowSizeMsg{Width: 40, Height: 12})
	if got := screenText(m); strings.Contains(got, "medical") || !strings.Contains(got, "ICE ON") {
		t.Errorf("40x12 screen should keep what to do and drop the notice:\n%s", got)
	}
	if got := screenText(New(c, Config{Now: clk.now})); strings.Contains(got, "medical") {
		t.Errorf("a screen with no notice shows one:\n%s", got)
	}
}
