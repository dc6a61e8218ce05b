package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/notify"
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
// directory, with desktop reminders and chimes or, for commands that send
// none (stop), without. When another process drives the course, the error
// is a *store.LockedError.
func openSession(reminders, chimes bool) (*session.Session, error) {
	dir, err := store.Dir()
	if err != nil {
		return nil, err
	}
	opts := session.Options{Clock: clock}
	if reminders {
		opts.Notifier = notify.NewDispatcher(notify.NewDesktop(), notify.Config{})
	}
	if chimes {
		opts.Player = sound.NewPlayer(sound.Config{})
	}
	s, err := session.Open(dir, opts)
	if err != nil {
		if opts.Notifier != nil {
			opts.Notifier.Close()
		}
		if opts.Player != nil {
			opts.Player.Close()
		}
	}
	return s, err
}
