package main

import (
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/background"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui"
)

// runTimerScreen opens the timer screen on the saved course, or the picker
// when there is none. When another process drives the course, the screen
// shows it read-only.
func runTimerScreen(_ *cobra.Command, _ []string) error {
	if err := needTerminal(); err != nil {
		return err
	}
	s, err := openSession(true, settings.Sound)
	var locked *store.LockedError
	if errors.As(err, &locked) {
		return watchCourse(locked)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	opts := []ui.Option{ui.WithSession(s), ui.WithPresets(settings.Catalogue()), ui.WithQuiet(settings.Quiet), ui.WithReminders(settings.Repeat, settings.Sound)}

	r, err := s.Resume()
	var broken *store.BrokenError
	switch {
	case errors.Is(err, store.ErrNoCourse):
		return runScreen(ui.New(opts...))
	case errors.As(err, &broken):
		return runScreen(ui.New(append(opts, ui.WithNotice(broken.Error()+"; start a new course"))...))
	case err != nil:
		return err
	case r.Over:
		return runScreen(ui.New(append(opts, ui.WithNotice(fmt.Sprintf("Your %s course is over; it is in 'icetimer history'.", r.Course.Preset)))...))
	}
	return runScreen(ui.NewTimer(r.Course, append(opts, ui.WithSince(r.Since))...))
}

// needTerminal refuses to open a screen where nobody can see it (output
// piped or redirected, no terminal at all) before anything is saved.
func needTerminal() error {
	if !term.IsTerminal(os.Stdout.Fd()) {
		return errors.New("the timer screen needs a terminal; 'icetimer run' runs a course without one")
	}
	return nil
}

// runScreen runs a screen until the person quits, then gives the course
// back: to a background `icetimer run` when they chose to keep reminding.
func runScreen(m ui.Model) error {
	final, err := tea.NewProgram(m, ui.ProgramOptions()...).Run()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return fmt.Errorf("the timer screen failed: %w", err)
	}
	if m, ok := final.(ui.Model); ok && m.Session() != nil {
		defer m.Session().Close()
		if m.KeepReminding() {
			said, err := background.Keep(m.Session(), m.BackgroundArgs()...)
			if err == nil {
				fmt.Println(said)
			}
			return err
		}
		m.Session().CancelPhone() // the person chose no more reminders
	}
	return nil
}
