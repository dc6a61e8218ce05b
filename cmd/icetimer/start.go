package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/ui"
)

func newStartCmd() *cobra.Command {
	var flags courseFlags
	cmd := &cobra.Command{
		Use:   "start PRESET|--cycle SPEC",
		Short: "Start a course now and open the timer screen",
		Long: "start begins a course now and opens the timer screen. A course still saved\n" +
			"is moved to history first.",
		Example: `  icetimer start ice-then-heat --window 60h
  icetimer start --cycle "ice 20m, rest 20m" --window 48h --then "heat 20m, rest 20m" --quiet off`,
		RunE: func(cmd *cobra.Command, args []string) error {
			course, err := flags.course(cmd, args, time.Time{})
			if err != nil {
				return err
			}
			if err := needTerminal(); err != nil {
				return err
			}
			s, err := openDriver()
			if err != nil {
				return err
			}
			defer s.Close()
			course.Start = s.EventTime() // once the lock is held
			if err := s.Start(course); err != nil {
				return err
			}
			// Its first phase is announced, as the picker and `run` do.
			return runScreen(ui.NewTimer(course, append(screenOptions(s), ui.WithSince(course.Start))...))
		},
	}
	flags.register(cmd)
	return cmd
}
