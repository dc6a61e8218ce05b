package main

import (
	"math"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/calendar"
	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

const maxPlanHours = 24 * 366

func newPlanCmd() *cobra.Command {
	var (
		flags  courseFlags
		start  string
		hours  float64
		asJSON bool
		asICS  bool
	)
	cmd := &cobra.Command{
		Use:   "plan PRESET|--cycle SPEC",
		Short: "Print every transition of a course from a start time",
		Long: "plan prints every phase that would start from TIME (default now) for N hours,\n" +
			"without starting anything.",
		Example: `  icetimer plan ice-then-heat --start 08:00 --hours 50
  icetimer plan --cycle "ice 20m, rest 20m" --window 48h --then "heat 20m, rest 20m" --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			now := clock.Now()
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
			if asICS && asJSON {
				return usagef("--json and --ics: choose one")
			}
			if asICS {
				return calendar.Write(cmd.OutOrStdout(), course, segs, now)
			}
			if asJSON {
				return document.Write(cmd.OutOrStdout(), document.PlanOf(course, from.Location(), segs))
			}
			words.Plan(cmd.OutOrStdout(), course, from.Location(), segs)
			return nil
		},
	}
	flags.register(cmd)
	cmd.Flags().StringVar(&start, "start", "", "when the course starts: RFC 3339 or HH:MM today (default now)")
	cmd.Flags().Float64Var(&hours, "hours", 72, "how many hours to show")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&asICS, "ics", false, "print an iCalendar file: an event per ice or heat phase, alarms at its start and end")
	return cmd
}
