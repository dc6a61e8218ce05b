package cli

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/background"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui"
)

// ScreenOptions are `icetimer`'s (the timer screen's): it takes no
// arguments.
type ScreenOptions struct {
	Env *Env
}

// screenRun opens the timer screen on the saved course, or the picker
// when there is none. When another process drives the course, the screen
// shows it read-only.
func screenRun(opts *ScreenOptions) error {
	env := opts.Env
	if err := needTerminal(env); err != nil {
		return err
	}
	s, err := env.openSession(true, env.Settings.Sound)
	var locked *store.LockedError
	if errors.As(err, &locked) {
		return watchCourse(env, locked)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	set := env.Settings
	uiOpts := []ui.Option{ui.WithSession(s), ui.WithPresets(set.Catalogue()), ui.WithQuiet(set.Quiet), ui.WithReminders(set.Repeat, set.Sound), ui.WithSkinCheck(set.SkinCheck)}

	r, err := s.Resume()
	var broken *store.BrokenError
	switch {
	case errors.Is(err, store.ErrNoCourse):
		return runScreen(env, ui.New(append(uiOpts, safetyOffer(s.Store())...)...))
	case errors.As(err, &broken):
		return runScreen(env, ui.New(append(uiOpts, ui.WithNotice(broken.Error()+"; start a new course"))...))
	case err != nil:
		return err
	case r.Over:
		return runScreen(env, ui.New(append(uiOpts, ui.WithNotice(fmt.Sprintf("Your %s course is over; it is in 'icetimer history'.", r.Course.Preset)))...))
	}
	return runScreen(env, ui.NewTimer(r.Course, append(uiOpts, ui.WithSince(r.Since))...))
}

// needTerminal refuses to open a screen where nobody can see it (output
// piped or redirected, no terminal at all) before anything is saved.
func needTerminal(env *Env) error {
	if !env.IsTerminal {
		return errors.New("the timer screen needs a terminal; 'icetimer run' runs a course without one")
	}
	return nil
}

// runScreen runs a screen until the person quits, then gives the course
// back: to a background `icetimer run` when they chose to keep reminding.
func runScreen(env *Env, m ui.Model) error {
	final, err := tea.NewProgram(m, append(ui.ProgramOptions(), tea.WithOutput(env.Out))...).Run()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return fmt.Errorf("the timer screen failed: %w", err)
	}
	if m, ok := final.(ui.Model); ok && m.Session() != nil {
		defer m.Session().Close()
		if m.KeepReminding() {
			said, err := background.Keep(m.Session(), m.BackgroundArgs()...)
			if err == nil {
				fmt.Fprintln(env.Out, said)
			}
			return err
		}
		m.Session().CancelPhone() // the person chose no more reminders
	}
	return nil
}

// watchCourse opens the timer screen read-only on the saved course, which
// the process holder names drives: the screen follows it and sends no
// reminders (that process does) until that process is gone; then it drives
// the course itself. Only a driver may move a broken file aside.
func watchCourse(env *Env, holder *store.LockedError) error {
	s, err := env.readOnlyStore()
	if err != nil {
		return err
	}
	c, err := s.Load()
	if err != nil && !errors.Is(err, store.ErrNoCourse) {
		return err
	}
	take := func() (*session.Session, error) { return env.openSession(true, env.Settings.Sound) }
	set := env.Settings
	return runScreen(env, ui.NewTimer(c, ui.WithClock(env.Clock.Now), ui.WithWatch(s, holder, take), ui.WithReminders(set.Repeat, set.Sound)))
}
