package main

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/schedule"
)

func newStatusCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Print the saved course now, in one line (exit 3 when there is none)",
		Long: "status prints what the saved course says now, in one line fit for a tmux status\n" +
			"bar or a shell prompt. It only reads: it works while another icetimer drives the\n" +
			"course. Exit status 3 when there is no saved course.",
		Example: `  icetimer status
  tmux: set -g status-right '#(icetimer status 2>/dev/null)'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := readStore()
			if err != nil {
				return err
			}
			c, err := loadSavedCourse(s)
			if err != nil {
				return err
			}
			now := clock().Round(0)
			st := c.StateAt(now)
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), statusToJSON(c, st))
			}
			fmt.Fprintln(cmd.OutOrStdout(), statusLine(st, now))
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// statusJSON is what `status --json` prints (docs: CLI.md). ends_at and
// next_kind are null once the course is done; stage_ends_at is null when the
// stage runs until stopped. While paused, ends_at is when the phase would end
// if resumed now.
type statusJSON struct {
	Preset           string         `json:"preset"`
	Kind             schedule.Kind  `json:"kind"`
	Paused           bool           `json:"paused"`
	RemainingSeconds int64          `json:"remaining_seconds"`
	EndsAt           *string        `json:"ends_at"`
	NextKind         *schedule.Kind `json:"next_kind"`
	Stage            int            `json:"stage"`
	StageEndsAt      *string        `json:"stage_ends_at"`
	StartedAt        string         `json:"started_at"`
}

func statusToJSON(c schedule.Course, st schedule.State) statusJSON {
	out := statusJSON{
		Preset:           c.Preset,
		Kind:             st.Current.Kind,
		Paused:           st.Paused,
		RemainingSeconds: remainingSeconds(st.Remaining),
		EndsAt:           rfc3339(st.Current.End),
		Stage:            st.Current.Stage + 1,
		StageEndsAt:      rfc3339(st.StageEnds),
		StartedAt:        *rfc3339(c.Start),
	}
	if st.Next.Kind != "" {
		next := st.Next.Kind
		out.NextKind = &next
	}
	return out
}

// remainingSeconds rounds up, as a countdown does: it reads 0 only when the
// phase is over.
func remainingSeconds(d time.Duration) int64 {
	return int64(math.Ceil(d.Seconds()))
}

// statusLine is the course at st in one short line, such as
// "ICE 12:04 left, rest at 14:20".
func statusLine(st schedule.State, now time.Time) string {
	kind := strings.ToUpper(string(st.Current.Kind))
	switch {
	case st.Done:
		return fmt.Sprintf("DONE, course ended %s", clockText(st.Current.Start, now))
	case st.Current.Kind == schedule.Quiet:
		return fmt.Sprintf("NIGHT until %s, then %s", clockText(st.Current.End, now), st.Next.Kind)
	case st.Paused:
		return fmt.Sprintf("%s paused, %s left", kind, schedule.FormatCountdown(st.Remaining))
	}
	next := string(st.Next.Kind)
	if st.Next.Kind == schedule.Done {
		next = "course ends"
	}
	return fmt.Sprintf("%s %s left, %s at %s", kind, schedule.FormatCountdown(st.Remaining), next, clockText(st.Current.End, now))
}
