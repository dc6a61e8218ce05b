package remind

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

var testStart = time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)

// iceCourse is ice 20m, rest 20m for 72 h, quiet hours off, from start.
func iceCourse(start time.Time) schedule.Course {
	return schedule.Course{Preset: "custom", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle:  schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
		Window: 72 * time.Hour,
	}}}}
}
