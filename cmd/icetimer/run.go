package main

import (
	"errors"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/runner"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
)

func newRunCmd() *cobra.Command {
	var flags courseFlags
	cmd := &cobra.Command{
		Use:   "run [PRESET|--cycle SPEC]",
		Short: "Run a course with no screen: a line per change on stdout, and notifications",
		Long: "run starts a course now and prints one line per change (clock time, what to do,\n" +
			"what comes next), sending the same reminder as a desktop notification. When the\n" +
			"desktop cannot be reached, a line saying so follows the reminder. It exits when\n" +
			"the course is done, or on Ctrl-C (the course goes on, saved).\n\n" +
			"With no preset and no --cycle, it resumes the saved course and first tells what\n" +
			"was missed while nothing was running.\n\n" + disclaimer,
		Example: `  icetimer run ice-20-20
  icetimer run --cycle "ice 20m, rest 20m" --window 48h --quiet off`,
		RunE: func(cmd *cobra.Command, args []string) error {
			repeat, chimes, err := flags.reminders()
			if err != nil {
				return err
			}
			s, course, since, err := courseToRun(cmd, args, &flags, chimes)
			if err != nil {
				return err
			}
			defer s.Close()
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			course = runner.Drive(ctx, runner.Config{Course: course, Handled: since, Repeat: repeat}, s, cmd.OutOrStdout())
			if course.StateAt(s.Now()).Done {
				return s.Save(s.Ticket(), course) // to history
			}
			return nil
		},
	}
	flags.register(cmd)
	flags.registerReminders(cmd)
	return cmd
}

// courseToRun takes the lock and gives the course run drives: a new one from
// the command line (saved, replacing any other), or the saved one.
func courseToRun(cmd *cobra.Command, args []string, flags *courseFlags, chimes bool) (*session.Session, schedule.Course, time.Time, error) {
	resume := len(args) == 0 && !cmd.Flags().Changed("cycle") && !cmd.Flags().Changed("then")
	var course schedule.Course
	if !resume {
		var err error
		if course, err = flags.course(cmd, args, time.Time{}); err != nil {
			return nil, course, time.Time{}, err
		}
	}
	s, err := openDriver(chimes)
	if err != nil {
		return nil, course, time.Time{}, err
	}
	var since time.Time
	if resume {
		var r session.Resumed
		r, err = s.Resume()
		course, since = r.Course, r.Since
		if errors.Is(err, store.ErrNoCourse) {
			err = errNoCourse
		}
	} else {
		course.Start = s.EventTime() // once the lock is held
		since = course.Start
		err = s.Start(course)
	}
	if err != nil {
		s.Close()
		return nil, course, since, err
	}
	return s, course, since, nil
}
