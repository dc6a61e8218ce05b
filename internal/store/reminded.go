package store

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// remindedName is the file holding the instant up to which the saved course's
// changes have been announced, so that a process resuming the course tells
// only what was missed while nothing was running.
const remindedName = "reminded"

// SaveReminded records that every change of the saved course before t has
// been announced. Written atomically, like the course.
func (s *Store) SaveReminded(t time.Time) error {
	if err := s.refuseWrite("record the reminders' progress"); err != nil {
		return err
	}
	path, err := s.file(remindedName)
	if err == nil {
		err = checkRegular(path)
	}
	if err == nil {
		err = writeAtomic(path, []byte(t.Round(0).Format(time.RFC3339Nano)+"\n"))
	}
	if err != nil {
		return fmt.Errorf("cannot record the reminders' progress: %w", err)
	}
	return nil
}

// Reminded is the instant SaveReminded last recorded; false when none was
// (or the file cannot be read, or is not a small regular file, which only
// makes the catch-up say more).
func (s *Store) Reminded() (time.Time, bool) {
	path, err := s.file(remindedName)
	if err != nil {
		return time.Time{}, false
	}
	data, err := readFile(path, maxRemindedSize)
	if err != nil {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(string(data)))
	return t, err == nil
}

// ClearReminded forgets how far changes were announced: they belong to the
// saved course, and a course that follows it (even one started within the
// same second) has had none announced yet.
func (s *Store) ClearReminded() error {
	if err := s.refuseWrite("reset the reminders' progress"); err != nil {
		return err
	}
	path, err := s.file(remindedName)
	if err != nil {
		return fmt.Errorf("cannot reset the reminders' progress: %w", err)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("cannot reset the reminders' progress: %w", err)
	}
	return nil
}
