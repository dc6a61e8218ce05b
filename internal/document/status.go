package document

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/words"
)

// Status is what `status --json` prints. EndsAt and NextKind are null once
// the course is done; StageEndsAt is null when the stage runs until
// stopped. While paused, EndsAt is when the phase would end if resumed now.
type Status struct {
	Preset           string         `json:"preset"`
	Kind             schedule.Kind  `json:"kind"`
	Paused           bool           `json:"paused"`
	RemainingSeconds int64          `json:"remaining_seconds"`
	EndsAt           *string        `json:"ends_at"`
	NextKind         *schedule.Kind `json:"next_kind"`
	Stage            int            `json:"stage"`
	StageEndsAt      *string        `json:"stage_ends_at"`
	StartedAt        string         `json:"started_at"`
	// Repeating says a "remove the pack" reminder repeats until `icetimer
	// ack`.
	Repeating bool `json:"repeating"`
}

// StatusOf is course c at state st, clock times in loc.
func StatusOf(c schedule.Course, st schedule.State, loc *time.Location) Status {
	out := Status{
		Preset:           c.Preset,
		Kind:             st.Current.Kind,
		Paused:           st.Paused,
		RemainingSeconds: words.SecondsLeft(st.Remaining),
		EndsAt:           instant(st.Current.End, loc),
		Stage:            st.Current.Stage + 1,
		StageEndsAt:      instant(st.StageEnds, loc),
		StartedAt:        *instant(c.Start, loc),
	}
	_, out.Repeating = session.Waiting(c, st.Now)
	if st.Next.Kind != "" {
		next := st.Next.Kind
		out.NextKind = &next
	}
	return out
}
