package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/ui"
	"github.com/icetimer/icetimer/internal/words"
)

func newStartCmd() *cobra.Command {
	var (
		flags   courseFlags
		replace bool
	)
	cmd := &cobra.Command{
		Use:   "start PRESET|--cycle SPEC",
		Short: "Start a course now and open the timer screen",
		Long: "start begins a course now and opens the timer screen. A course that is still\n" +
			"running is only replaced with --replace; it then goes to history.",
		Example: `  icetimer start ice-then-heat --window 60h
  icetimer start --cycle "ice 20m, rest 20m" --window 48h --then "heat 20m, rest 20m" --quiet off`,
		RunE: func(cmd *cobra.Command, args []string) error {
			course, err := flags.course(cmd, args, time.Time{})
			if err != nil {
				return err
			}
			repeat, chimes, err := flags.reminders()
			if err != nil {
				return err
			}
			if err := needTerminal(); err != nil {
				return err
			}
			s, err := openDriver(chimes)
			if err != nil {
				return err
			}
			defer s.Close()
			if running, ok := s.Running(); ok && !replace {
				return usagef("a course is running (%s): 'icetimer' shows it; 'icetimer start --replace ...' replaces it", words.CourseName(running, s.Now()))
			}
			course.Start = s.EventTime() // once the lock is held
			if err := s.Start(course); err != nil {
				return err
			}
			// Its first phase is announced, as the picker and `run` do.
			return runScreen(ui.NewTimer(course, ui.WithSession(s), ui.WithSince(course.Start), ui.WithReminders(repeat, chimes)))
		},
	}
	flags.register(cmd)
	flags.registerReminders(cmd)
	cmd.Flags().BoolVar(&replace, "replace", false, "replace a course that is still running")
	return cmd
}
