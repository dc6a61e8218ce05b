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
			s, err := openSession(false)
			var locked *store.LockedError
			if errors.As(err, &locked) {
				// The process driving the course records it, and stops repeating.
				if err := session.SignalAck(locked.PID); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "acknowledged: process %d stops repeating the reminder\n", locked.PID)
				return nil
			}
			if err != nil {
				return err
			}
			defer s.Close()
			waited, err := s.Acknowledge()
			switch {
			case errors.Is(err, store.ErrNoCourse):
				return errNoCourse
			case err != nil:
				return err
			case !waited:
				fmt.Fprintln(cmd.OutOrStdout(), "no reminder is waiting for an acknowledgement")
			default:
				fmt.Fprintln(cmd.OutOrStdout(), "acknowledged")
			}
			return nil
		},
	}
}
