package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/schedule"
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
		Short: "Acknowledge the reminder that is repeating: the pack is off (exit 1 when none waits, 3 when no course)",
		Args:  noArgs,
		RunE:  func(*cobra.Command, []string) error { return run(opts) },
	}
}

func ackRun(opts *AckOptions) error {
	said, err := opts.Env.act(schedule.Action{Verb: schedule.VerbAck}, nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.Env.Out, said)
	return nil
}
