package main

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui"
	"github.com/icetimer/icetimer/internal/ui/timer"
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
	return runScreen(ui.NewTimer(c, ui.WithClock(clock), ui.WithReadOnly(readOnlyLine(holder), reload)))
}

// readCourse reads the saved course again for a read-only screen.
func readCourse(s *store.Store) timer.ReloadedMsg {
	c, err := s.Load()
	if errors.Is(err, store.ErrNoCourse) {
		return timer.ReloadedMsg{Gone: true}
	}
	return timer.ReloadedMsg{Course: c, Err: err}
}

// readOnlyLine says which process drives the course.
func readOnlyLine(holder *store.LockedError) string {
	if holder.PID == 0 {
		return "Read-only: another icetimer process drives this course"
	}
	return fmt.Sprintf("Read-only: process %d (%s) drives this course", holder.PID, holder.Command)
}
