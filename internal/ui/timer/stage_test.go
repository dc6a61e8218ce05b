package timer

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
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
