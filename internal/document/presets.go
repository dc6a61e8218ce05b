package document

import "github.com/icetimer/icetimer/internal/schedule"

// Preset is one catalogue entry in `presets --json`. The window fields are
// the first stage's; WindowMin/MaxSeconds are there when --window may
// change it.
type Preset struct {
	ID               string   `json:"id"`
	Name             string   `json:"name"`
	Description      string   `json:"description"`
	Phases           []Phase  `json:"phases"`
	WindowSeconds    *int64   `json:"window_seconds"`
	WindowMinSeconds *int64   `json:"window_min_seconds,omitempty"`
	WindowMaxSeconds *int64   `json:"window_max_seconds,omitempty"`
	Then             *Stage   `json:"then"`
	Sources          []string `json:"sources"`
	Interpretation   string   `json:"interpretation,omitempty"`
	// Own is true for the person's own presets, from their config file.
	Own bool `json:"own"`
}

// Stage is a protocol stage; WindowSeconds is null when it runs until
// stopped.
type Stage struct {
	Phases        []Phase `json:"phases"`
	WindowSeconds *int64  `json:"window_seconds"`
}

// Phase is one phase of a cycle.
type Phase struct {
	Kind    schedule.Kind `json:"kind"`
	Seconds int64         `json:"seconds"`
}

// PresetsOf is the catalogue, own presets marked.
func PresetsOf(presets []schedule.Preset) []Preset {
	out := make([]Preset, 0, len(presets))
	for _, p := range presets {
		first := stageOf(p.Protocol.Stages[0])
		j := Preset{
			ID: p.ID, Name: p.Name, Description: p.Description,
			Phases: first.Phases, WindowSeconds: first.WindowSeconds,
			Sources: p.Sources, Interpretation: p.Interpretation, Own: p.Own,
		}
		if p.WindowMax > 0 {
			j.WindowMinSeconds = seconds(p.WindowMin)
			j.WindowMaxSeconds = seconds(p.WindowMax)
		}
		if len(p.Protocol.Stages) > 1 {
			then := stageOf(p.Protocol.Stages[1])
			j.Then = &then
		}
		out = append(out, j)
	}
	return out
}

func stageOf(s schedule.Stage) Stage {
	j := Stage{}
	for _, ph := range s.Cycle {
		j.Phases = append(j.Phases, Phase{Kind: ph.Kind, Seconds: *seconds(ph.Duration)})
	}
	if !s.UntilStopped() {
		j.WindowSeconds = seconds(s.Window)
	}
	return j
}
