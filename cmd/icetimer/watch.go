package main

import (
	"errors"

	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui"
)

// watchCourse opens the timer screen read-only on the saved course, which
// the process holder names drives: the screen follows it and sends no
// reminders (that process does) until that process is gone; then it drives
// the course itself. Only a driver may move a broken file aside.
func watchCourse(holder *store.LockedError) error {
	s, err := store.ReadOnlyDir()
	if err != nil {
		return err
	}
	c, err := s.Load()
	if err != nil && !errors.Is(err, store.ErrNoCourse) {
		return err
	}
	take := func() (*session.Session, error) { return openSession(true, settings.Sound) }
	return runScreen(ui.NewTimer(c, ui.WithClock(clock.Now), ui.WithWatch(s, holder, take), ui.WithReminders(settings.Repeat, settings.Sound)))
}
