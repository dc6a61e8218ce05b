package timer

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// A stage with ice and heat says both, whichever phase is running.
func TestStageLineNamesEveryKindOfTheStage(t *testing.T) {
	p, _ := schedule.PresetByID("alternate")
	c := schedule.Course{Preset: p.ID, Protocol: p.Protocol, Start: start}
	s := c.StateAt(start.Add(45 * time.Minute)) // heat
	if s.Current.Kind != schedule.Heat {
		t.Fatalf("at 45 min the alternate cycle is %s, want heat", s.Current.Kind)
	}
	if got := stageLine(c.Protocol, s, time.UTC); got != "ice and heat until you stop" {
		t.Fatalf("stage line %q", got)
	}
}

// "today" counts the day, the courses in history included.
func TestTodayCountsHistory(t *testing.T) {
	ice := schedule.Protocol{Stages: []schedule.Stage{{Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}}}}}
	morning := schedule.Course{Preset: "custom", Protocol: ice, Start: start.Add(-3 * time.Hour),
		Events: []schedule.Event{{Type: schedule.Stop, At: start.Add(-2*time.Hour - 50*time.Minute)}}}
	c := schedule.Course{Preset: "custom", Protocol: ice, Start: start}
	clk := &clock{start.Add(5 * time.Minute)}
	m := New(c, Config{Now: clk.now, History: []store.Record{{Course: morning, EndedAt: start.Add(-2*time.Hour - 50*time.Minute), Reason: store.Stopped}}})
	send(&m, tea.WindowSizeMsg{Width: 80, Height: 24})
	mustShow(t, m, "today: ice 2, heat 0")
}
