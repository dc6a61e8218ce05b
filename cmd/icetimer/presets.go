package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/schedule"
)

func newPresetsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "presets",
		Short: "List the preset cycles and where each comes from",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), presetsJSON(schedule.Presets()))
			}
			writePresets(cmd.OutOrStdout(), schedule.Presets())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func writePresets(w io.Writer, presets []schedule.Preset) {
	for i, p := range presets {
		if i > 0 {
			fmt.Fprintln(w)
		}
		first := p.Protocol.Stages[0]
		fmt.Fprintf(w, "%s  %s\n", p.ID, p.Name)
		fmt.Fprintf(w, "  %s\n", p.Description)
		fmt.Fprintf(w, "  cycle:  %s\n", schedule.FormatCycle(first.Cycle))
		fmt.Fprintf(w, "  window: %s\n", windowText(p))
		if len(p.Protocol.Stages) > 1 {
			fmt.Fprintf(w, "  then:   %s, until stopped\n", schedule.FormatCycle(p.Protocol.Stages[1].Cycle))
		}
		fmt.Fprintf(w, "  source: %s\n", strings.Join(p.Sources, "; "))
		if p.Interpretation != "" {
			fmt.Fprintf(w, "  note:   %s\n", p.Interpretation)
		}
	}
}

func windowText(p schedule.Preset) string {
	first := p.Protocol.Stages[0]
	if first.UntilStopped() {
		return "until stopped"
	}
	s := schedule.FormatDuration(first.Window)
	if p.WindowMin != p.WindowMax {
		s += fmt.Sprintf(" (--window %s to %s)", schedule.FormatDuration(p.WindowMin), schedule.FormatDuration(p.WindowMax))
	}
	return s
}

// phaseJSON is a phase in the JSON the commands print.
type phaseJSON struct {
	Kind    schedule.Kind `json:"kind"`
	Seconds int64         `json:"seconds"`
}

// stageJSON is a protocol stage in `presets --json`; window_seconds is null
// when the stage runs until stopped.
type stageJSON struct {
	Phases        []phaseJSON `json:"phases"`
	WindowSeconds *int64      `json:"window_seconds"`
}

// presetJSON is one catalogue entry in `presets --json`.
type presetJSON struct {
	ID               string      `json:"id"`
	Name             string      `json:"name"`
	Description      string      `json:"description"`
	Phases           []phaseJSON `json:"phases"`
	WindowSeconds    *int64      `json:"window_seconds"`
	WindowMinSeconds *int64      `json:"window_min_seconds,omitempty"`
	WindowMaxSeconds *int64      `json:"window_max_seconds,omitempty"`
	Then             *stageJSON  `json:"then"`
	Sources          []string    `json:"sources"`
	Interpretation   string      `json:"interpretation,omitempty"`
}

func presetsJSON(presets []schedule.Preset) []presetJSON {
	out := make([]presetJSON, 0, len(presets))
	for _, p := range presets {
		first := stageToJSON(p.Protocol.Stages[0])
		j := presetJSON{
			ID: p.ID, Name: p.Name, Description: p.Description,
			Phases: first.Phases, WindowSeconds: first.WindowSeconds,
			Sources: p.Sources, Interpretation: p.Interpretation,
		}
		if p.WindowMax > 0 {
			j.WindowMinSeconds = seconds(p.WindowMin.Seconds())
			j.WindowMaxSeconds = seconds(p.WindowMax.Seconds())
		}
		if len(p.Protocol.Stages) > 1 {
			then := stageToJSON(p.Protocol.Stages[1])
			j.Then = &then
		}
		out = append(out, j)
	}
	return out
}

func stageToJSON(s schedule.Stage) stageJSON {
	j := stageJSON{}
	for _, ph := range s.Cycle {
		j.Phases = append(j.Phases, phaseJSON{Kind: ph.Kind, Seconds: int64(ph.Duration.Seconds())})
	}
	if !s.UntilStopped() {
		j.WindowSeconds = seconds(s.Window.Seconds())
	}
	return j
}

func seconds(s float64) *int64 {
	n := int64(s)
	return &n
}

// writeJSON prints v as indented JSON with a final newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
