package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/store"
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
			now := clock.Now()
			y, m, d := now.In(time.Local).Date()
			records, warnings, err := s.Recent(time.Date(y, m, d-days+1, 0, 0, 0, 0, time.Local))
			if err != nil {
				return err
			}
			switch c, err := s.Load(); {
			case err == nil:
				records = append(records, store.Record{Course: c})
			case errors.Is(err, store.ErrNoCourse):
			default:
				warnings = append(warnings, err.Error())
			}
			for _, w := range warnings {
				fmt.Fprintln(cmd.ErrOrStderr(), "icetimer: warning: "+w)
			}
			figures := report.Days(records, now, days, time.Local)
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
