package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
)

func newAckCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "ack",
		Short: "Acknowledge the reminder that is repeating: the pack is off (exit 3 when no course)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := store.Dir()
			if err != nil {
				return err
			}
			said, err := session.Ack(dir, session.Options{Clock: clock})
			if errors.Is(err, store.ErrNoCourse) {
				return errNoCourse
			}
			if err == nil {
				fmt.Fprintln(cmd.OutOrStdout(), said)
			}
			return err
		},
	}
}
