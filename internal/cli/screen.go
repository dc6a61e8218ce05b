package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/background"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui"
	"github.com/icetimer/icetimer/internal/words"
)

// ScreenOptions are `icetimer`'s (the timer screen's): it takes no
// arguments.
type ScreenOptions struct {
	Env *Env
	// Plain shows the course as lines, for screen readers and small
	// terminals (--plain): it has no picker.
	Plain bool
}

// screenRun opens the timer screen on the saved course, or the picker
// when there is none. When another process drives the course, the screen
// shows it read-only.
func screenRun(opts *ScreenOptions) error {
	env := opts.Env
	if err := needTerminal(env); err != nil {
		return err
	}
	how := reminding(env.Settings)
	s, err := env.openSession(true, how)
	var locked *store.LockedError
	switch {
	case errors.As(err, &locked) && opts.Plain:
		return plainElsewhere(locked)
	case errors.As(err, &locked):
		return watchCourse(env, locked)
	case err != nil:
		return err
	case opts.Plain:
		return resumePlain(env, s, how)
	}
	defer s.Close()
	set := env.Settings
	uiOpts := []ui.Option{ui.WithSession(s), ui.WithPresets(set.Catalogue()), ui.WithQuiet(set.Quiet), ui.WithReminders(set.Repeat, set.Sound), ui.WithVoice(set.Voice), ui.WithSkinCheck(set.SkinCheck), ui.WithKeepAwake(set.KeepAwake)}
	if set.Mistake != nil {
		// The warning printed before the screen is hidden behind it.
		uiOpts = append(uiOpts, ui.WithNotice(words.ConfigNotUsed(problems(set.Mistake))))
	}

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
// back: to a background `icetimer run` when they chose to keep reminding,
// and so when the screen is closed without their word (its terminal
// closed, SIGHUP; SIGTERM; SIGINT from outside): nothing ends a course's
// reminders by accident.
func runScreen(env *Env, m ui.Model) error {
	p := tea.NewProgram(m, append(ui.ProgramOptions(), tea.WithInput(env.In), tea.WithOutput(env.Out), tea.WithoutSignalHandler())...)
	why := closeOnSignals(func() {
		p.Send(ui.HandOverMsg{})
		time.AfterFunc(handOverWait, p.Kill)
	})
	final, err := p.Run()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) && !errors.Is(err, tea.ErrProgramKilled) {
		err = fmt.Errorf("the timer screen failed: %w", err)
	} else {
		err = nil
	}
	m, ok := final.(ui.Model)
	if !ok || m.Session() == nil {
		return err
	}
	if kept := giveBack(env, m.Session(), m.KeepReminding(), why(), m.BackgroundArgs(), m.DroppedReminders()); kept != nil {
		return kept
	}
	return err
}

// giveBack lets go of the course s drives once a screen has closed: keep
// hands it to a background run with args (the screen closed by signal
// closed, or quit keeping the reminders), else s is closed, and, when the
// person dropped the reminders of a course that still runs, they stop,
// saying so.
func giveBack(env *Env, s *session.Session, keep bool, closed string, args []string, dropped bool) error {
	switch {
	case keep && closed != "":
		// No terminal to print to: the run log says who took over.
		_, err := background.Keep(s, closed, args...)
		return err
	case keep:
		said, err := background.Keep(s, "the screen quit, keeping the reminders", args...)
		if err == nil {
			fmt.Fprintln(env.Out, said)
		}
		return err
	}
	defer s.Close()
	if dropped {
		s.CancelPhone() // the person chose no more reminders
		fmt.Fprintln(env.Out, words.RemindersOff)
	}
	return nil
}

// handOverWait bounds how long a screen told to close by a signal may
// take to quit before it is stopped (a terminal that is gone can block
// its last frame).
const handOverWait = 2 * time.Second

// closeOnSignals makes the signals that close a screen without the
// person's word call closeScreen, which hands its course over (for the
// timer screen, ui.HandOverMsg) instead of ending the process: why then
// says which, and is "" until one came.
func closeOnSignals(closeScreen func()) (why func() string) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	var got atomic.Value
	go func() {
		sig := <-signals
		got.Store(signalWhy(sig))
		closeScreen()
	}()
	return func() string {
		signal.Stop(signals)
		w, _ := got.Load().(string)
		return w
	}
}

// signalWhy says in the run log's words why a screen closed on sig.
func signalWhy(sig os.Signal) string {
	if sig == syscall.SIGHUP {
		return "the screen's terminal closed (SIGHUP)"
	}
	return fmt.Sprintf("the screen was told to end (%v)", sig)
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
	take := func() (*session.Session, error) { return env.openSession(true, reminding(env.Settings)) }
	set := env.Settings
	return runScreen(env, ui.NewTimer(c, ui.WithClock(env.Clock.Now), ui.WithWatch(s, holder, take), ui.WithReminders(set.Repeat, set.Sound), ui.WithVoice(set.Voice), ui.WithKeepAwake(set.KeepAwake),
		ui.WithStoreHistory(s, env.Clock.Now())))
}
