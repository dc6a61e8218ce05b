package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/schedule"
)

const maxPlanHours = 24 * 366

func newPlanCmd() *cobra.Command {
	var (
		flags  courseFlags
		start  string
		hours  float64
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "plan PRESET|--cycle SPEC",
		Short: "Print every transition of a course from a start time",
		Long: "plan prints every phase that would start from TIME (default now) for N hours,\n" +
			"without starting anything.",
		Example: `  icetimer plan ice-then-heat --start 08:00 --hours 50
  icetimer plan --cycle "ice 20m, rest 20m" --window 48h --then "heat 20m, rest 20m" --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			now := clock().Round(0)
			from := now
			if cmd.Flags().Changed("start") {
				t, err := schedule.ParseInstant(start, now)
				if err != nil {
					return usagef("--start: %v", err)
				}
				from = t
			}
			if math.IsNaN(hours) || hours <= 0 || hours > maxPlanHours {
				return usagef("--hours %v: want a number of hours above 0 and at most %d", hours, maxPlanHours)
			}
			course, err := flags.course(cmd, args, from)
			if err != nil {
				return err
			}
			span := time.Duration(hours * float64(time.Hour))
			segs := course.Segments(from, from.Add(span))
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), planToJSON(course, from.Location(), segs))
			}
			writePlan(cmd.OutOrStdout(), course, from.Location(), segs)
			return nil
		},
	}
	flags.register(cmd)
	cmd.Flags().StringVar(&start, "start", "", "when the course starts: RFC 3339 or HH:MM today (default now)")
	cmd.Flags().Float64Var(&hours, "hours", 72, "how many hours to show")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// planJSON is what `plan --json` prints (docs: CLI.md).
type planJSON struct {
	Preset string          `json:"preset"`
	Start  string          `json:"start"`
	Phases []planPhaseJSON `json:"phases"`
}

type planPhaseJSON struct {
	At      string        `json:"at"`
	Kind    schedule.Kind `json:"kind"`
	Seconds int64         `json:"seconds"`
	Stage   int           `json:"stage"`
}

func planToJSON(c schedule.Course, loc *time.Location, segs []schedule.Segment) planJSON {
	out := planJSON{Preset: c.Preset, Start: c.Start.In(loc).Format(time.RFC3339), Phases: []planPhaseJSON{}}
	for _, s := range segs {
		out.Phases = append(out.Phases, planPhaseJSON{
			At:      s.Start.In(loc).Format(time.RFC3339),
			Kind:    s.Kind,
			Seconds: segmentSeconds(s),
			Stage:   s.Stage + 1,
		})
	}
	return out
}

func segmentSeconds(s schedule.Segment) int64 {
	if s.End.IsZero() {
		return 0
	}
	return int64(s.End.Sub(s.Start).Round(time.Second).Seconds())
}

func writePlan(w io.Writer, c schedule.Course, loc *time.Location, segs []schedule.Segment) {
	fmt.Fprintf(w, "%s from %s, quiet hours %s\n", c.Preset, c.Start.In(loc).Format("Mon 2 Jan 2006 15:04 MST"), c.Quiet)
	for _, s := range segs {
		line := fmt.Sprintf("%s  %-5s", s.Start.In(loc).Format("Mon 02 Jan 15:04:05"), strings.ToUpper(string(s.Kind)))
		if s.Kind != schedule.Done {
			line += fmt.Sprintf("  %-7s  stage %d", schedule.FormatDuration(time.Duration(segmentSeconds(s))*time.Second), s.Stage+1)
		}
		fmt.Fprintln(w, line)
	}
}
