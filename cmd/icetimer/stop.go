package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

func newStopCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "stop",
		Short: "End the saved course (it stays in history)",
		Long: "stop ends the saved course now and moves it to history. It refuses while\n" +
			"another icetimer drives the course: stop it there. Exit status 3 when there is\n" +
			"no saved course.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := openSession(false, false)
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
			fmt.Fprintf(cmd.OutOrStdout(), "%s; it stays in history (icetimer history)\n", what)
			return nil
		},
	}
}
