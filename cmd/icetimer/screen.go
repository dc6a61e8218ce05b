package main

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/ui"
)

// runTimerScreen opens the picker. (Resuming a saved course comes with
// persistence.)
func runTimerScreen(_ *cobra.Command, _ []string) error {
	return runScreen(ui.New(ui.WithDisclaimer()))
}

// runScreen runs a screen until the person quits.
func runScreen(m ui.Model) error {
	_, err := tea.NewProgram(m, ui.ProgramOptions()...).Run()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return fmt.Errorf("the timer screen failed: %w", err)
	}
	return nil
}
