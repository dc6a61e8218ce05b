package document

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// Plan is what `plan --json` prints.
type Plan struct {
	Preset string      `json:"preset"`
	Start  string      `json:"start"`
	Phases []PlanPhase `json:"phases"`
}

// PlanPhase is one segment of a plan; Seconds is 0 for the course's end.
type PlanPhase struct {
	At      string        `json:"at"`
	Kind    schedule.Kind `json:"kind"`
	Seconds int64         `json:"seconds"`
	Stage   int           `json:"stage"`
}

// PlanOf is course c's segments segs, clock times in loc.
func PlanOf(c schedule.Course, loc *time.Location, segs []schedule.Segment) Plan {
	out := Plan{Preset: c.Preset, Start: *instant(c.Start, loc), Phases: []PlanPhase{}}
	for _, s := range segs {
		out.Phases = append(out.Phases, PlanPhase{
			At:      *instant(s.Start, loc),
			Kind:    s.Kind,
			Seconds: *seconds(s.Length().Round(time.Second)),
			Stage:   s.Stage + 1,
		})
	}
	return out
}
