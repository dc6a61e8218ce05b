package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// readStore is the state directory for commands that only read (status,
// history): it creates nothing and moves nothing aside, so a first run's
// disclaimer and a broken file are left for the process that drives.
func readStore() (*store.Store, error) {
	dir, err := store.Dir()
	if err != nil {
		return nil, err
	}
	return store.ReadOnly(dir), nil
}

// errNoCourse is exit status 3 (docs: CLI.md): there is no saved course.
var errNoCourse = &exitError{code: exitNoCourse, err: errors.New("no saved course: start one with 'icetimer start PRESET'")}

// loadSavedCourse reads the saved course. No course is exit status 3 (docs:
// CLI.md); a broken file has been moved aside and is reported as a failure
// naming it.
func loadSavedCourse(s *store.Store) (schedule.Course, error) {
	c, err := s.Load()
	if errors.Is(err, store.ErrNoCourse) {
		return c, errNoCourse
	}
	return c, err
}

// clockText is t as a clock time, with the day when it is neither today nor
// within 12 hours (the end of tonight's quiet hours reads "07:00").
func clockText(t, now time.Time) string {
	t, now = t.In(time.Local), now.In(time.Local)
	y, m, d := t.Date()
	ny, nm, nd := now.Date()
	if (y == ny && m == nm && d == nd) || t.Sub(now).Abs() < 12*time.Hour {
		return t.Format("15:04")
	}
	return t.Format("Mon 2 Jan 15:04")
}

// rfc3339 is t in RFC 3339 in the local zone, or nil for the zero instant.
func rfc3339(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.In(time.Local).Format(time.RFC3339)
	return &s
}

// describeCourse names a course for messages: its preset and when it began.
func describeCourse(c schedule.Course, now time.Time) string {
	return fmt.Sprintf("%s course started %s", c.Preset, clockText(c.Start, now))
}
