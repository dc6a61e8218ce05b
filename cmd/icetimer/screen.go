package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// runTimerScreen opens the timer screen: the saved course, or the picker.
func runTimerScreen(_ *cobra.Command, _ []string) error {
	return errors.New("the timer screen is not built yet; try 'icetimer presets' or 'icetimer plan'")
}
