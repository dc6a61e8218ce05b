package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/store"
)

// maxReportDays bounds --days as history's does.
const maxReportDays = 3660

// ReportOptions are `icetimer report`'s flags.
type ReportOptions struct {
	Days          int
	Format        string
	Out, Warnings io.Writer
	Location      *time.Location
}

// NewReportCmd is `icetimer report [--days N] [--format markdown|json|html]`.
func NewReportCmd(env Env) *cobra.Command {
	opts := ReportOptions{Location: time.Local}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "A summary to show a clinician: applications per day, late removals, pain and advice",
		Long: "report sums up the last N days (today included): ice and heat applications,\n" +
			"reminders to take a pack off that were acknowledged late, the pain check-ins\n" +
			"with their trend, and the advice icetimer gave. It only reads.",
		Example: "  icetimer report --days 3 > back.md\n  icetimer report --format html > back.html   # open it in a browser and print\n  icetimer report --format json",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Out, opts.Warnings = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return reportRun(env, opts)
		},
	}
	cmd.Flags().IntVar(&opts.Days, "days", 7, "how many days, today included")
	cmd.Flags().StringVar(&opts.Format, "format", "markdown", "markdown, json or html (one page to print)")
	return cmd
}

func reportRun(env Env, opts ReportOptions) error {
	if opts.Days < 1 || opts.Days > maxReportDays {
		return usagef("--days %d: want a number of days from 1 to %d", opts.Days, maxReportDays)
	}
	if opts.Format != "markdown" && opts.Format != "json" && opts.Format != "html" {
		return usagef("--format %q: want markdown, json or html", opts.Format)
	}
	dir, err := env.dir()
	if err != nil {
		return err
	}
	s := store.ReadOnly(dir)
	now := env.Clock.Now().In(opts.Location)
	sum, warnings, err := report.Gather(s, now, opts.Days, opts.Location)
	for _, w := range warnings {
		fmt.Fprintln(opts.Warnings, "icetimer: warning: "+w)
	}
	if err != nil {
		return err
	}
	switch opts.Format {
	case "json":
		return document.Write(opts.Out, document.ReportOf(sum))
	case "html":
		return sum.HTML(opts.Out)
	}
	return sum.Markdown(opts.Out)
}
