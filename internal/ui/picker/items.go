package picker

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// item is a list entry: a preset, or the custom cycle when preset is nil.
// sep separates the parts of its lines (" · ", or " - " in ASCII).
type item struct {
	preset *schedule.Preset
	sep    string
}

// Title is the preset's name, how long it runs, and whether a number in it
// is our reading of the sources.
func (i item) Title() string {
	if i.preset == nil {
		return "Custom cycle"
	}
	title := i.preset.Name + i.sep + windowText(i.preset.Protocol.Stages[0])
	if i.preset.Interpretation != "" {
		title += i.sep + "our reading"
	}
	return title
}

// Description is one line, so that every preset shows at 80x24: the cycle
// and the first source by its title ("+1" when there are more); the form
// shows them all, with their publishers.
func (i item) Description() string {
	if i.preset == nil {
		return `your own phases ("ice 15 min, rest 45 min"), any window, a cycle after`
	}
	p := i.preset
	line := schedule.FormatCycle(p.Protocol.Stages[0].Cycle)
	if len(p.Protocol.Stages) > 1 {
		line += ", then " + stageKindWord(p.Protocol.Stages[1].Cycle)
	}
	line += i.sep + words.SourceTitle(p.Sources[0])
	if len(p.Sources) > 1 {
		line += " +" + strconv.Itoa(len(p.Sources)-1)
	}
	return line
}

// FilterValue is what the filter matches: the name, the cycle and the
// sources, so "heat" or "Healthy Back" find their presets.
func (i item) FilterValue() string {
	if i.preset == nil {
		return "Custom cycle"
	}
	parts := []string{i.preset.Name, schedule.FormatCycle(i.preset.Protocol.Stages[0].Cycle)}
	for _, s := range i.preset.Sources {
		parts = append(parts, words.Source(s))
	}
	return strings.Join(parts, " ")
}

// sources is every source of a preset by title, one a line.
func sources(p *schedule.Preset) []string {
	out := make([]string, len(p.Sources))
	for i, s := range p.Sources {
		out[i] = "source: " + words.Source(s)
	}
	return out
}

func windowText(s schedule.Stage) string {
	if s.UntilStopped() {
		return "until you stop"
	}
	return schedule.FormatDuration(s.Window)
}

// stageKindWord is "heat" for a follow-on heat cycle.
func stageKindWord(c schedule.Cycle) string {
	for _, ph := range c {
		if ph.Kind.IsOn() {
			return string(ph.Kind)
		}
	}
	return "rest"
}

// windowChoices are the windows the person can pick for a preset, shortest
// first, and the index of the default; nil when the stage runs until
// stopped. A custom cycle's window is typed.
func windowChoices(p *schedule.Preset) ([]time.Duration, int) {
	var choices []time.Duration
	def := 0
	for w := p.WindowMin; w > 0 && w <= p.WindowMax; w += 12 * time.Hour {
		if w == p.Protocol.Stages[0].Window {
			def = len(choices)
		}
		choices = append(choices, w)
	}
	return choices, def
}

// QuietChoices are the quiet-hours settings offered, def first (the
// config file's setting; empty for 23:00-07:00). Shell completion offers
// the same.
func QuietChoices(def string) []string {
	out := []string{"23:00-07:00", "22:00-06:00", "00:00-08:00", "off"}
	if i := slices.Index(out, def); i > 0 {
		out = append(out[:i], out[i+1:]...)
	}
	if def != "" && def != out[0] {
		out = append([]string{def}, out...)
	}
	return out
}
