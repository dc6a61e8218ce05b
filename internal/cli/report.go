package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/report"
)

// ReportOptions are `icetimer report`'s flags.
type ReportOptions struct {
	Env    *Env
	Days   int
	Format string
}

// NewCmdReport is `icetimer report [--days N] [--format markdown|json|html]`.
func NewCmdReport(env *Env, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{Env: env}
	run := runWith(runF, reportRun)
	cmd := &cobra.Command{
		Use:   "report",
		Short: "A summary to show a clinician: applications per day, late removals, pain and advice",
		Long: "report sums up the last N days (today included): ice and heat applications,\n" +
			"reminders to take a pack off that were acknowledged late, the pain check-ins\n" +
			"with their trend, and the advice icetimer gave. It only reads.",
		Example: "  icetimer report --days 3 > back.md\n  icetimer report --format html > back.html   # open it in a browser and print\n  icetimer report --format json",
		Args:    noArgs,
		RunE:    func(*cobra.Command, []string) error { return run(opts) },
	}
	cmd.Flags().IntVar(&opts.Days, "days", 7, "how many days, today included")
	cmd.Flags().StringVar(&opts.Format, "format", "markdown", "markdown, json or html (one page to print)")
	return cmd
}

func reportRun(opts *ReportOptions) error {
	env := opts.Env
	if opts.Days < 1 || opts.Days > maxHistoryDays {
		return usagef("--days %d: want a number of days from 1 to %d", opts.Days, maxHistoryDays)
	}
	if opts.Format != "markdown" && opts.Format != "json" && opts.Format != "html" {
		return usagef("--format %q: want markdown, json or html", opts.Format)
	}
	s, err := env.readOnlyStore()
	if err != nil {
		return err
	}
	now := env.Clock.Now().In(time.Local)
	sum, warnings, err := report.Gather(s, now, opts.Days, time.Local)
	for _, w := range warnings {
		fmt.Fprintln(env.Err, "icetimer: warning: "+w)
	}
	if err != nil {
		return err
	}
	switch opts.Format {
	case "json":
		return document.Write(env.Out, document.ReportOf(sum))
	case "html":
		return sum.HTML(env.Out)
	}
	return sum.Markdown(env.Out)
}
