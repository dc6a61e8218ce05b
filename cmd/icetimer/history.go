package main

import (
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/store"
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
			now := clock().Round(0)
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
				return writeJSON(cmd.OutOrStdout(), historyToJSON(figures))
			}
			return writeHistory(cmd.OutOrStdout(), figures)
		},
	}
	cmd.Flags().IntVar(&days, "days", 7, "how many days to show, today included")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// historyJSON is what `history --json` prints: one entry per local day,
// oldest first.
type historyJSON struct {
	Days []historyDayJSON `json:"days"`
}

type historyDayJSON struct {
	Date        string `json:"date"`
	IceCount    int    `json:"ice_count"`
	IceSeconds  int64  `json:"ice_seconds"`
	HeatCount   int    `json:"heat_count"`
	HeatSeconds int64  `json:"heat_seconds"`
	Started     int    `json:"started"`
	Finished    int    `json:"finished"`
}

func historyToJSON(figures []report.Day) historyJSON {
	out := historyJSON{Days: []historyDayJSON{}}
	for _, f := range figures {
		out.Days = append(out.Days, historyDayJSON{
			Date:     f.Day.Format(time.DateOnly),
			IceCount: f.Ice.Count, IceSeconds: int64(f.Ice.Time / time.Second),
			HeatCount: f.Heat.Count, HeatSeconds: int64(f.Heat.Time / time.Second),
			Started: f.Started, Finished: f.Finished,
		})
	}
	return out
}

func writeHistory(w io.Writer, figures []report.Day) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DAY\tICE\tHEAT\tSTARTED\tENDED")
	for _, f := range figures {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\n", f.Day.Format("Mon 02 Jan"),
			applications(f.Ice), applications(f.Heat), f.Started, f.Finished)
	}
	return tw.Flush()
}

// applications writes a count and its total time in minutes: "3 × 60 min".
func applications(a report.Applications) string {
	return fmt.Sprintf("%d × %d min", a.Count, int(a.Time/time.Minute))
}
