package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/notify"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui/timer"
)

// saveTimeout is how long a save may take before the screen says it is slow
// (it goes on in the background).
const saveTimeout = 5 * time.Second

// driver is this process's hold on the saved course: the store, its lock,
// saves kept in order, and the desktop's notifications.
type driver struct {
	store   *store.Store
	saver   *store.Saver
	desktop *notify.Dispatcher
	unlock  func()
	// firstRun is true when icetimer had never run here: the screen then
	// says once that it is a reminder timer, not a medical device.
	firstRun bool
}

// openStore opens the state directory, telling whether it had to be made
// (icetimer's first run here).
func openStore() (s *store.Store, firstRun bool, err error) {
	if dir, err := store.Dir(); err == nil {
		_, statErr := os.Stat(dir)
		firstRun = errors.Is(statErr, os.ErrNotExist)
	}
	s, err = store.Open()
	return s, firstRun, err
}

// openDriver takes the lock on the saved course. When another process holds
// it, the error names that process and points to the read-only view.
func openDriver() (*driver, error) {
	s, firstRun, err := openStore()
	if err != nil {
		return nil, err
	}
	d, err := lockCourse(s, firstRun)
	var locked *store.LockedError
	if errors.As(err, &locked) {
		return nil, fmt.Errorf("%w; 'icetimer' shows it read-only, 'icetimer status' prints it", err)
	}
	return d, err
}

// lockCourse makes this process the one driving the course saved in s. When
// another process drives it, the error is a *store.LockedError.
func lockCourse(s *store.Store, firstRun bool) (*driver, error) {
	release, err := s.Lock()
	if err != nil {
		return nil, err
	}
	desktop := notify.NewDispatcher(notify.NewDesktop(), notify.Config{})
	return &driver{store: s, saver: store.NewSaver(s), desktop: desktop, unlock: release, firstRun: firstRun}, nil
}

// release lets the course go: notifications in flight are given up and the
// lock is released.
func (d *driver) release() {
	d.desktop.Close()
	d.unlock()
}

// now is the instant events and starts are recorded at: whole seconds, so
// that every transition falls on a whole second, where the screen's ticks
// land.
func now() time.Time { return time.Now().Truncate(time.Second) }

// replaceWith makes c the saved course, none of its changes announced yet;
// one still saved is moved to history first (as replaced, or as finished if
// it was over). The very same course started again within its first second
// stays one course: moved to history, it would be taken for the one saved
// after it, which would then read as no course at all.
func (d *driver) replaceWith(c schedule.Course) error {
	old, err := d.store.Load()
	switch {
	case err == nil && store.SameCourse(old, c):
		// Already saved: nothing to move to history.
	case err == nil:
		if err := d.store.Archive(old, c.Start); err != nil {
			return err
		}
	case !errors.Is(err, store.ErrNoCourse):
		var broken *store.BrokenError
		if !errors.As(err, &broken) {
			return err
		}
	}
	if err := d.store.ClearReminded(); err != nil {
		return err
	}
	return d.store.Save(c)
}

// since is the instant from which a resumed course's changes still need
// announcing: the last one announced, or the course's start.
func (d *driver) since(c schedule.Course) time.Time {
	if t, ok := d.store.Reminded(); ok && t.After(c.Start) {
		return t
	}
	return c.Start
}

// save is the screen's save command: it runs in the background and reports
// failure, or slowness, as a line on the screen.
func (d *driver) save(c schedule.Course) tea.Cmd {
	ticket := d.saver.Ticket()
	return func() tea.Msg {
		done := make(chan error, 1)
		go func() { done <- d.saver.Save(ticket, c, time.Now()) }()
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
