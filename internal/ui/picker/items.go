package picker

import (
	"slices"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// item is a list entry: a preset, or the custom cycle when preset is nil.
type item struct{ preset *schedule.Preset }

func (i item) Title() string {
	if i.preset == nil {
		return "Custom cycle"
	}
	return i.preset.Name
}

func (i item) Description() string {
	if i.preset == nil {
		return `your own phases, such as "ice 15m, rest 45m"` + "\nwindow: until you stop, or 24h to 72h"
	}
	p := i.preset
	first := p.Protocol.Stages[0]
	line := schedule.FormatCycle(first.Cycle) + " · " + windowText(first)
	if len(p.Protocol.Stages) > 1 {
		line += ", then " + schedule.FormatCycle(p.Protocol.Stages[1].Cycle)
	}
	line += "\nsource: " + sourceText(p.Sources)
	if p.Interpretation != "" {
		line += " · with our reading"
	}
	return line
}

func (i item) FilterValue() string { return i.Title() }

func windowText(s schedule.Stage) string {
	if s.UntilStopped() {
		return "until you stop"
	}
	return "for " + schedule.FormatDuration(s.Window)
}

// sourceText shortens the article file names to their numbers ("000, 003").
func sourceText(sources []string) string {
	short := make([]string, len(sources))
	for i, s := range sources {
		short[i] = s
		if n, _, ok := strings.Cut(s, "_"); ok && strings.HasSuffix(s, ".txt") {
			short[i] = "article " + n
		}
	}
	return strings.Join(short, ", ")
}

// windowChoices are the windows the person can pick for an item, shortest
// first, and the index of the default; nil when the stage runs until stopped.
func windowChoices(p *schedule.Preset) ([]time.Duration, int) {
	if p == nil {
		return []time.Duration{0, 24 * time.Hour, 48 * time.Hour, 72 * time.Hour}, 0
	}
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
