package schedule

import (
	"testing"
	"time"
)

func TestWithFirstWindowLeavesTheCatalogueAlone(t *testing.T) {
	p, _ := PresetByID("ice-then-heat")
	before := p.Protocol.Stages[0].Window
	got := p.Protocol.WithFirstWindow(60 * time.Hour)
	if got.Stages[0].Window != 60*time.Hour || len(got.Stages) != 2 || got.Stages[1].Window != p.Protocol.Stages[1].Window {
		t.Errorf("WithFirstWindow(60h) = %+v", got.Stages)
	}
	if p.Protocol.Stages[0].Window != before {
		t.Errorf("the preset's own window changed to %v", p.Protocol.Stages[0].Window)
	}
}
