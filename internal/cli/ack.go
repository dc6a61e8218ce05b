package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
)

// AckOptions are `icetimer ack`'s: it takes no arguments.
type AckOptions struct {
	Env *Env
}

// NewCmdAck is `icetimer ack`.
func NewCmdAck(env *Env, runF func(*AckOptions) error) *cobra.Command {
	opts := &AckOptions{Env: env}
	run := runWith(runF, ackRun)
	return &cobra.Command{
		Use:   "ack",
		Short: "Acknowledge the reminder that is repeating: the pack is off (exit 3 when no course)",
		Args:  noArgs,
		RunE:  func(*cobra.Command, []string) error { return run(opts) },
	}
}

func ackRun(opts *AckOptions) error {
	dir, err := opts.Env.stateDir()
	if err != nil {
		return err
	}
	said, err := session.Ack(dir, opts.Env.sessionOptions())
	if errors.Is(err, store.ErrNoCourse) {
		return errNoCourse
	}
	if err == nil {
		fmt.Fprintln(opts.Env.Out, said)
	}
	return err
}
