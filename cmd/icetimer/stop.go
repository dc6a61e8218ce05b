package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
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
			s, err := store.Open()
			if err != nil {
				return err
			}
			release, err := s.Lock()
			var locked *store.LockedError
			if errors.As(err, &locked) {
				return fmt.Errorf("%v: stop the course there, or end that process", err)
			}
			if err != nil {
				return err
			}
			defer release()
			c, err := loadSavedCourse(s)
			if err != nil {
				return err
			}
			now := savedCourseNow().Truncate(time.Second)
			ended := c.StateAt(now).Done
			if !ended {
				c.Events = append(c.Events, schedule.Event{Type: schedule.Stop, At: now})
			}
			if err := s.Archive(c, now); err != nil {
				return err
			}
			what := "stopped the " + describeCourse(c, now)
			if ended {
				what = "the " + describeCourse(c, now) + " had already ended"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s; it stays in history (icetimer history)\n", what)
			return nil
		},
	}
}
