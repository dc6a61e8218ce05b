package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// StopOptions are `icetimer stop`'s: it takes no arguments.
type StopOptions struct {
	Env *Env
}

// NewCmdStop is `icetimer stop`.
func NewCmdStop(env *Env, runF func(*StopOptions) error) *cobra.Command {
	opts := &StopOptions{Env: env}
	run := runWith(runF, stopRun)
	return &cobra.Command{
		Use:   "stop",
		Short: "End the saved course (it stays in history)",
		Long: "stop ends the saved course now and moves it to history. It refuses while\n" +
			"another icetimer drives the course: stop it there. Exit status 3 when there is\n" +
			"no saved course.",
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return run(opts) },
	}
}

func stopRun(opts *StopOptions) error {
	s, err := opts.Env.openSession(false, false)
	var locked *store.LockedError
	if errors.As(err, &locked) {
		return fmt.Errorf("%v: stop the course there, or end that process", err)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	c, over, err := s.Stop()
	if errors.Is(err, store.ErrNoCourse) {
		return errNoCourse
	}
	if err != nil {
		return err
	}
	what := "stopped the " + words.CourseName(c, s.Now())
	if over {
		what = "the " + words.CourseName(c, s.Now()) + " had already ended"
	}
	fmt.Fprintf(opts.Env.Out, "%s; it stays in history (icetimer history)\n", what)
	return nil
}
