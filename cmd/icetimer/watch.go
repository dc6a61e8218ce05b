package main

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui"
	"github.com/icetimer/icetimer/internal/ui/timer"
	"github.com/icetimer/icetimer/internal/words"
)

// watchCourse opens the timer screen read-only on the saved course, which
// the process holder names drives: the screen follows it, re-reading the
// course, and sends no reminders (that process does). Only the holder may
// move a broken file aside: the view only reads.
func watchCourse(holder *store.LockedError) error {
	s, err := readStore()
	if err != nil {
		return err
	}
	c, err := s.Load()
	if err != nil && !errors.Is(err, store.ErrNoCourse) {
		return err
	}
	reload := func() tea.Msg { return readCourse(s) }
	return runScreen(ui.NewTimer(c, ui.WithClock(clock), ui.WithReadOnly(words.ReadOnly(holder.PID, holder.Command), reload)))
}

// readCourse reads the saved course again for a read-only screen.
func readCourse(s *store.Store) timer.ReloadedMsg {
	c, err := s.Load()
	if errors.Is(err, store.ErrNoCourse) {
		return timer.ReloadedMsg{Gone: true}
	}
	return timer.ReloadedMsg{Course: c, Err: err}
}
