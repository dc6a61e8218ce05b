package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/schedule"
)

// NextStageOptions are `icetimer next-stage`'s: it takes no arguments.
type NextStageOptions struct {
	Env *Env
}

// NewCmdNextStage is `icetimer next-stage`.
func NewCmdNextStage(env *Env, runF func(*NextStageOptions) error) *cobra.Command {
	opts := &NextStageOptions{Env: env}
	run := runWith(runF, nextStageRun)
	return &cobra.Command{
		Use:   "next-stage",
		Short: "Move the running course to its next stage now, e.g. ice -> heat (exit 1 when there is none)",
		Long: "next-stage moves the running course on to its next stage now: the stage's first\n" +
			"ice or heat phase starts at once, and its window counts from now. When to move\n" +
			"on is your call (\"once the ice has done its job\"). Exit status 1 in the last\n" +
			"stage, 3 when no course runs.",
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return run(opts) },
	}
}

func nextStageRun(opts *NextStageOptions) error {
	said, err := opts.Env.act(schedule.Action{Verb: schedule.VerbNextStage}, nil)
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.Env.Out, said)
	return nil
}
