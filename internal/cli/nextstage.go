package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/words"
)

// errLastStage is next-stage's exit 1 (CLI.md): the course has no next
// stage.
var errLastStage = errors.New("the course is in its last stage: there is no next stage to move to")

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
	env := opts.Env
	dir, err := env.stateDir()
	if err != nil {
		return err
	}
	c, err := session.Change(dir, env.sessionOptions(), func(c *schedule.Course, now time.Time) error {
		if !c.Protocol.HasNextStage(c.StateAt(now).Current.Stage) {
			return errLastStage
		}
		c.Events = append(c.Events, schedule.Event{Type: schedule.NextStage, At: now})
		return nil
	})
	if err != nil {
		return changeErr(err, "press n")
	}
	st := c.StateAt(env.Clock.Now())
	fmt.Fprintf(env.Out, "stage %d: %s\n", st.Current.Stage+1, words.Action(st.Current.Kind, st.Paused))
	return nil
}
