package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/icetimer/icetimer/internal/awake"
	"github.com/icetimer/icetimer/internal/hooks"
	"github.com/icetimer/icetimer/internal/notify"
	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/sound"
	"github.com/icetimer/icetimer/internal/speech"
	"github.com/icetimer/icetimer/internal/store"
)

// Which adapters a command's session gets, from the settings: this is the
// one place that wires the desktop, the chimes, the voice, the phone and the
// hook to the course.

// openDriver takes the lock on the saved course, with desktop reminders,
// chimes and a voice as how says. When another process holds it, the error
// names that process and points to the read-only view.
func (e *Env) openDriver(how Reminding) (*session.Session, error) {
	s, err := e.openSession(true, how)
	var locked *store.LockedError
	if errors.As(err, &locked) {
		return nil, fmt.Errorf("%w; 'icetimer' shows it read-only, 'icetimer status' prints it", err)
	}
	return s, err
}

// openSession takes the lock on the saved course in the state directory,
// with desktop reminders, the hook, the control socket, the phone's
// buttons and keeping the computer awake (a process that drives the
// course), and the chimes and voice how asks for, or, for commands that
// change it once (stop, pause, ack...), without. The phone, when the
// config file has one, comes with every session: a stop must cancel what
// it has scheduled. When another process drives the course, the error is a
// *store.LockedError.
func (e *Env) openSession(reminders bool, how Reminding) (*session.Session, error) {
	dir, err := e.stateDir()
	if err != nil {
		return nil, err
	}
	opts := session.Options{Clock: e.Clock, Boot: e.Boot}
	// A process that reminds drives the course: the other commands reach it
	// on its control socket.
	opts.Serve = reminders
	var parts []interface{ Close() }
	if reminders {
		opts.Notifier = notify.NewDispatcher(notify.NewDesktop(), notify.Config{})
		parts = append(parts, opts.Notifier)
	}
	if how.Sound {
		opts.Player = sound.NewPlayer(sound.Config{})
		parts = append(parts, opts.Player)
	}
	if how.Voice {
		opts.Speaker = speech.New(speech.Config{})
		parts = append(parts, opts.Speaker)
	}
	if e.Settings.Ntfy.Enabled() {
		opts.Phone = ntfy.New(ntfy.Config(e.Settings.Ntfy), ntfy.Options{Now: e.Clock.Now})
		parts = append(parts, opts.Phone)
	}
	if reminders {
		opts.Repeat = e.Settings.Repeat
		if e.Settings.KeepAwake {
			opts.Awake = awake.New(awake.Options{})
			parts = append(parts, opts.Awake)
		}
		if e.Settings.Ntfy.Enabled() && e.Settings.Ntfy.Ack {
			opts.Replies = ntfy.NewListener(ntfy.Config(e.Settings.Ntfy), ntfy.ListenOptions{})
		}
	}
	if reminders && e.Settings.Hooks.OnChange != "" {
		log := func() (*os.File, error) { return store.OpenHookLogIn(dir) }
		opts.Hooks = hooks.New(hooks.Config{OnChange: e.Settings.Hooks.OnChange}, hooks.Options{Log: log})
		parts = append(parts, opts.Hooks)
	}
	s, err := session.Open(dir, opts)
	if err != nil {
		for _, p := range parts {
			p.Close()
		}
	}
	return s, err
}
