package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/icetimer/icetimer/internal/background"
	"github.com/icetimer/icetimer/internal/plain"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
)

// runPlain shows course c, which s drives, as the plain screen's lines
// (plain.Run), announcing from since, then lets go of the course as the
// timer screen does (giveBack): a course over goes to history; quitting
// with the reminders kept, or a signal, hands it to a background run.
func runPlain(env *Env, s *session.Session, c schedule.Course, since time.Time, how Reminding) error {
	restore, raw := rawInput(env.In)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	why := closeOnSignals(cancel)
	course, ending := plain.Run(ctx, s, plain.Config{
		Course: c, Since: since, Repeat: how.Repeat,
		Keys: env.In, Term: os.Getenv("TERM"), Out: env.Out, CRLF: raw && env.IsTerminal,
	})
	restore()
	closed := why()
	if ending == plain.Finished {
		defer s.Close()
		return s.Save(s.Ticket(), course) // to history
	}
	keep := ending == plain.KeepReminding || ending == plain.Closed
	return giveBack(env, s, keep, closed, background.Args(background.Reminding{
		Repeat: how.Repeat, Sound: how.Sound, Voice: how.Voice, KeepAwake: env.Settings.KeepAwake,
	}), ending == plain.NoReminders)
}

// rawInput puts the terminal in raw mode, when in is one, so that each key
// comes as it is pressed (ctrl+c too, as the quit key); restore puts it
// back as it was.
func rawInput(in io.Reader) (restore func(), raw bool) {
	f, ok := in.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return func() {}, false
	}
	old, err := term.MakeRaw(f.Fd())
	if err != nil {
		return func() {}, false
	}
	return func() { _ = term.Restore(f.Fd(), old) }, true
}

// resumePlain shows the saved course, which s has the lock on, as the
// plain screen's lines. The plain screen has no picker: with no course
// running it says how to start one, exit status 3.
func resumePlain(env *Env, s *session.Session, how Reminding) error {
	r, err := s.Resume()
	var broken *store.BrokenError
	switch {
	case err == nil && !r.Over:
		return runPlain(env, s, r.Course, r.Since, how)
	case errors.Is(err, store.ErrNoCourse):
		err = errors.New("no course is running")
	case errors.As(err, &broken):
		err = fmt.Errorf("%w; start a new course", broken)
	case err != nil:
		s.Close()
		return err
	default:
		err = fmt.Errorf("your %s course is over; it is in 'icetimer history'", r.Course.Preset)
	}
	s.Close()
	return &exitError{Code: ExitNoCourse, Err: fmt.Errorf(
		"%v. The plain mode has no picker: start a course with 'icetimer start PRESET --plain' (PRESET one of %s; 'icetimer presets' describes them)",
		err, strings.Join(env.Settings.PresetIDs(), ", "))}
}

// plainElsewhere refuses the plain screen on a course another process
// drives, naming it, and says how to follow it and act on it.
func plainElsewhere(holder *store.LockedError) error {
	return fmt.Errorf("%v. The plain mode shows only a course it drives: 'icetimer status --follow' follows this one, "+
		"and 'icetimer ack', 'pause', 'skip' or 'stop' act on it; quit that process to drive it from here", holder)
}
