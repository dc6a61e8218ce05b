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
		Example: `  icetimer start ice-then-heat --window 60h
  icetimer start --cycle "ice 20m, rest 20m" --window 48h --then "heat 20m, rest 20m" --quiet off`,
		RunE: func(cmd *cobra.Command, args []string) error {
			course, err := flags.course(cmd, args, time.Now().Truncate(time.Second))
			if err != nil {
				return err
			}
			return runScreen(ui.NewTimer(course))
		},
	}
	flags.register(cmd)
	return cmd
}
