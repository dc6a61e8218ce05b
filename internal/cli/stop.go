package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
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
		Long: "stop ends the saved course now and moves it to history, and with it the\n" +
			"reminders: when another icetimer drives the course (the screen, a background\n" +
			"run), that process stops it and ends. Exit status 3 when there is no saved course.",
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return run(opts) },
	}
}

func stopRun(opts *StopOptions) error {
	said, err := opts.Env.act(schedule.Action{Verb: schedule.VerbStop}, stopSaved)
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.Env.Out, said)
	return nil
}

// stopSaved ends the saved course when no process drives it: a course that
// ended while nothing ran goes to history too, and says so.
func stopSaved(s *session.Session) (string, error) {
	c, over, err := s.Stop()
	if errors.Is(err, store.ErrNoCourse) {
		return "", errNoCourse
	}
	if err != nil {
		return "", err
	}
	if over {
		return "the " + words.CourseName(c, s.Now()) + " had already ended; it stays in history (icetimer history)", nil
	}
	return words.Did(schedule.Action{Verb: schedule.VerbStop}, c, s.Now()), nil
}
