package ui

import (
	"reflect"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
)

// A person's own preset (from their config file) is listed after the
// built-in ones and starts like them, with the config's quiet hours as the
// default.
func TestPickerStartsAnOwnPreset(t *testing.T) {
	cycle := schedule.Cycle{{Kind: schedule.Ice, Duration: 15 * time.Minute}, {Kind: schedule.Rest, Duration: 45 * time.Minute}}
	own := schedule.Preset{ID: "physio", Name: "My physio's cycle", Sources: []string{"your config file"}, Own: true,
		Protocol:  schedule.Protocol{Stages: []schedule.Stage{{Cycle: cycle, Window: 36 * time.Hour}}},
		WindowMin: 36 * time.Hour, WindowMax: 36 * time.Hour}
	p := runPicker(t, WithPresets(append(schedule.Presets(), own)), WithQuiet("22:00-06:00"))
	p.waitFor(t, "pick a cycle")
	for range schedule.Presets() {
		p.press(tea.KeyDown)
	}
	p.press(tea.KeyEnter)
	p.waitFor(t, "22:00-06:00") // the form, the config's quiet hours first
	p.press(tea.KeyEnter)
	p.waitFor(t, "ICE ON")
	c := p.quit(t).Timer().Course()
	if c.Preset != "physio" || !reflect.DeepEqual(c.Protocol, own.Protocol) || c.Quiet.String() != "22:00-06:00" {
		t.Errorf("started %s %+v, quiet %s; want physio's protocol with quiet hours 22:00-06:00", c.Preset, c.Protocol, c.Quiet)
	}
}
