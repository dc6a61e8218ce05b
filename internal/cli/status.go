package cli

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

// StatusOptions are `icetimer status`'s flags.
type StatusOptions struct {
	Env  *Env
	JSON bool
}

// NewCmdStatus is `icetimer status [--json]`.
func NewCmdStatus(env *Env, runF func(*StatusOptions) error) *cobra.Command {
	opts := &StatusOptions{Env: env}
	run := runWith(runF, statusRun)
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Print the saved course now, in one line (exit 3 when there is none)",
		Long: "status prints what the saved course says now, in one line fit for a tmux status\n" +
			"bar or a shell prompt. It only reads: it works while another icetimer drives the\n" +
			"course. Exit status 3 when there is no saved course.",
		Example: `  icetimer status
  tmux: set -g status-right '#(icetimer status 2>/dev/null)'`,
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return run(opts) },
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func statusRun(opts *StatusOptions) error {
	env := opts.Env
	s, err := env.readOnlyStore()
	if err != nil {
		return err
	}
	c, err := s.Load()
	if errors.Is(err, store.ErrNoCourse) {
		return errNoCourse // exit 3 (docs: CLI.md)
	} else if err != nil {
		return err
	}
	st := c.StateAt(env.Clock.Now())
	if opts.JSON {
		return document.Write(env.Out, document.StatusOf(c, st, report.Given(s, st.Now), time.Local))
	}
	fmt.Fprintln(env.Out, words.Status(st))
	return nil
}
