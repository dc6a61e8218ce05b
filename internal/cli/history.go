package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/report"
)

// maxHistoryDays bounds --days of history and report: ten years.
const maxHistoryDays = 3660

// HistoryOptions are `icetimer history`'s flags.
type HistoryOptions struct {
	Env  *Env
	Days int
	JSON bool
}

// NewCmdHistory is `icetimer history [--days N] [--json]`.
func NewCmdHistory(env *Env, runF func(*HistoryOptions) error) *cobra.Command {
	opts := &HistoryOptions{Env: env}
	run := runWith(runF, historyRun)
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Print ice and heat applications per day",
		Long: "history prints, for each of the last N days (today included), how many ice and\n" +
			"heat applications there were and for how long, and how many courses started\n" +
			"and ended. The saved course counts up to now.",
		Example: "  icetimer history --days 3 --json",
		Args:    noArgs,
		RunE:    func(*cobra.Command, []string) error { return run(opts) },
	}
	cmd.Flags().IntVar(&opts.Days, "days", 7, "how many days to show, today included")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func historyRun(opts *HistoryOptions) error {
	env := opts.Env
	if opts.Days < 1 || opts.Days > maxHistoryDays {
		return usagef("--days %d: want a number of days from 1 to %d", opts.Days, maxHistoryDays)
	}
	s, err := env.readOnlyStore()
	if err != nil {
		return err
	}
	figures, warnings, err := report.Read(s, env.Clock.Now(), opts.Days, time.Local)
	for _, w := range warnings {
		fmt.Fprintln(env.Err, "icetimer: warning: "+w)
	}
	if err != nil {
		return err
	}
	if opts.JSON {
		return document.Write(env.Out, document.HistoryOf(figures))
	}
	return report.WriteHistory(env.Out, figures)
}
