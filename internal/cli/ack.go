package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
)

// NewAckCmd is `icetimer ack` (moved here from cmd/icetimer as it was).
func NewAckCmd(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "ack",
		Short: "Acknowledge the reminder that is repeating: the pack is off (exit 3 when no course)",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := env.dir()
			if err != nil {
				return err
			}
			said, err := session.Ack(dir, session.Options{Clock: env.Clock})
			if errors.Is(err, store.ErrNoCourse) {
				return ErrNoCourse
			}
			if err == nil {
				fmt.Fprintln(cmd.OutOrStdout(), said)
			}
			return err
		},
	}
}
