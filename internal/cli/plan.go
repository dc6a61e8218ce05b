package cli

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

// PlanOptions are `icetimer plan`'s arguments, as typed.
type PlanOptions struct {
	Env   *Env
	Args  []string // the preset, if given
	Flags CourseFlags
	// Start is --start: RFC 3339 or HH:MM today; now when not given.
	Start string
	Hours float64
	JSON  bool
	ICS   bool
}

// NewCmdPlan is `icetimer plan PRESET|--cycle SPEC [--start TIME] [--hours N] [--json|--ics]`.
func NewCmdPlan(env *Env, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{Env: env}
	run := runWith(runF, planRun)
	cmd := &cobra.Command{
		Use:   "plan PRESET|--cycle SPEC",
		Short: "Print every transition of a course from a start time",
		Long: "plan prints every phase that would start from TIME (default now) for N hours,\n" +
			"without starting anything.",
		Example: `  icetimer plan ice-then-heat --start 08:00 --hours 50
  icetimer plan --cycle "ice 20m, rest 20m" --window 48h --then "heat 20m, rest 20m" --json`,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Args = args
			return run(opts)
		},
	}
	opts.Flags.register(cmd, env)
	cmd.Flags().StringVar(&opts.Start, "start", "", "when the course starts: RFC 3339 or HH:MM today (default now)")
	cmd.Flags().Float64Var(&opts.Hours, "hours", 72, "how many hours to show")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&opts.ICS, "ics", false, "print an iCalendar file: an event per ice or heat phase, alarms at its start and end")
	return cmd
}

func planRun(opts *PlanOptions) error {
	env := opts.Env
	now := env.Clock.Now()
	from := now
	if opts.Flags.Given("start") {
		t, err := schedule.ParseInstant(opts.Start, now)
		if err != nil {
			return usagef("--start: %v", err)
		}
		from = t
	}
	if math.IsNaN(opts.Hours) || opts.Hours <= 0 || opts.Hours > maxPlanHours {
		return usagef("--hours %v: want a number of hours above 0 and at most %d", opts.Hours, maxPlanHours)
	}
	course, err := opts.Flags.course(opts.Args, from, env.Settings)
	if err != nil {
		return err
	}
	span := time.Duration(opts.Hours * float64(time.Hour))
	segs := course.Segments(from, from.Add(span))
	if opts.ICS && opts.JSON {
		return usagef("--json and --ics: choose one")
	}
	if opts.ICS {
		return calendar.Write(env.Out, course, segs, now)
	}
	if opts.JSON {
		return document.Write(env.Out, document.PlanOf(course, from.Location(), segs))
	}
	words.Plan(env.Out, course, from.Location(), segs)
	return nil
}
