package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
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
			c, err := s.Load()
			if errors.Is(err, store.ErrNoCourse) {
				return errNoCourse // exit 3 (docs: CLI.md)
			} else if err != nil {
				return err
			}
			st := c.StateAt(clock.Now())
			if asJSON {
				return document.Write(cmd.OutOrStdout(), document.StatusOf(c, st, time.Local))
			}
			fmt.Fprintln(cmd.OutOrStdout(), words.Status(st))
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
