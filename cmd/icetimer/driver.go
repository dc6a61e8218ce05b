package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/icetimer/icetimer/internal/hooks"
	"github.com/icetimer/icetimer/internal/notify"
	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/sound"
	"github.com/icetimer/icetimer/internal/store"
)

// clock is the wall clock every command reads, through the session where
// one drives the course; tests set it.
var clock session.Clock = time.Now

// openDriver takes the lock on the saved course, with desktop reminders.
// When another process holds it, the error names that process and points to
// the read-only view.
func openDriver(sound bool) (*session.Session, error) {
	s, err := openSession(true, sound)
	var locked *store.LockedError
	if errors.As(err, &locked) {
		return nil, fmt.Errorf("%w; 'icetimer' shows it read-only, 'icetimer status' prints it", err)
	}
	return s, err
}

// openSession takes the lock on the saved course in the user's state
// directory, with desktop reminders, the hook and chimes or, for commands
// that send none (stop), without. The phone, when the config file has one,
// comes with every session: a stop must cancel what it has scheduled. When
// another process drives the course, the error is a *store.LockedError.
func openSession(reminders, chimes bool) (*session.Session, error) {
	dir, err := store.Dir()
	if err != nil {
		return nil, err
	}
	opts := session.Options{Clock: clock}
	var parts []interface{ Close() }
	if reminders {
		opts.Notifier = notify.NewDispatcher(notify.NewDesktop(), notify.Config{})
		parts = append(parts, opts.Notifier)
	}
	if chimes {
		opts.Player = sound.NewPlayer(sound.Config{})
		parts = append(parts, opts.Player)
	}
	if settings.Ntfy.Enabled() {
		opts.Phone = ntfy.New(ntfy.Config(settings.Ntfy), ntfy.Options{Now: clock.Now})
		parts = append(parts, opts.Phone)
	}
	if reminders && settings.Hooks.OnChange != "" {
		log := func() (*os.File, error) { return store.OpenHookLogIn(dir) }
		opts.Hooks = hooks.New(hooks.Config{OnChange: settings.Hooks.OnChange}, hooks.Options{Log: log})
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
