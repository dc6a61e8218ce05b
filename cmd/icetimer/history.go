package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/words"
)

const maxHistoryDays = 3660

func newHistoryCmd() *cobra.Command {
	var (
		days   int
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Print ice and heat applications per day",
		Long: "history prints, for each of the last N days (today included), how many ice and\n" +
			"heat applications there were and for how long, and how many courses started\n" +
			"and ended. The saved course counts up to now.",
		Example: "  icetimer history --days 3 --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if days < 1 || days > maxHistoryDays {
				return usagef("--days %d: want a number of days from 1 to %d", days, maxHistoryDays)
			}
			s, err := readStore()
			if err != nil {
				return err
			}
			figures, warnings, err := report.Read(s, clock.Now(), days, time.Local)
			for _, w := range warnings {
				fmt.Fprintln(cmd.ErrOrStderr(), "icetimer: warning: "+w)
			}
			if err != nil {
				return err
			}
			if asJSON {
				return document.Write(cmd.OutOrStdout(), document.HistoryOf(figures))
			}
			return words.History(cmd.OutOrStdout(), figures)
		},
	}
	cmd.Flags().IntVar(&days, "days", 7, "how many days to show, today included")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
