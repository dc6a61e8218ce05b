package main

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/notify"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui/timer"
)

// saveTimeout is how long a save may take before the screen says it is slow
// (it goes on in the background).
const saveTimeout = 5 * time.Second

// clock is the wall clock every command reads, through the session where
// one drives the course; tests set it.
var clock = time.Now

// driver is this process's session on the saved course and the desktop's
// notifications.
type driver struct {
	*session.Session
	desktop *notify.Dispatcher
}

// openDriver takes the lock on the saved course. When another process holds
// it, the error names that process and points to the read-only view.
func openDriver() (*driver, error) {
	d, err := lockCourse()
	var locked *store.LockedError
	if errors.As(err, &locked) {
		return nil, fmt.Errorf("%w; 'icetimer' shows it read-only, 'icetimer status' prints it", err)
	}
	return d, err
}

// lockCourse makes this process the one driving the saved course, with
// desktop reminders. When another process drives it, the error is a
// *store.LockedError.
func lockCourse() (*driver, error) {
	s, err := openSession()
	if err != nil {
		return nil, err
	}
	return &driver{Session: s, desktop: notify.NewDispatcher(notify.NewDesktop(), notify.Config{})}, nil
}

// openSession takes the lock on the saved course in the user's state
// directory, for commands that change it but send no reminders (stop).
func openSession() (*session.Session, error) {
	dir, err := store.Dir()
	if err != nil {
		return nil, err
	}
	return session.Open(dir, session.Options{Clock: clock})
}

// release lets the course go: notifications in flight are given up and the
// lock is released.
func (d *driver) release() {
	d.desktop.Close()
	d.Close()
}

// save is the screen's save command: it runs in the background and reports
// failure, or slowness, as a line on the screen.
func (d *driver) save(c schedule.Course) tea.Cmd {
	ticket := d.Ticket()
	return func() tea.Msg {
		done := make(chan error, 1)
		go func() { done <- d.Save(ticket, c) }()
		select {
		case err := <-done:
			if err != nil {
				return timer.ErrorMsg{Err: fmt.Errorf("saving failed, the timer goes on: %w", err)}
			}
			return timer.ErrorMsg{}
		case <-time.After(saveTimeout):
			return timer.ErrorMsg{Err: errors.New("saving is slow; the timer goes on")}
		}
	}
}
