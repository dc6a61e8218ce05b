package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
	return writeAtomic(filepath.Join(s.dir, remindedName), []byte(t.Round(0).Format(time.RFC3339Nano)+"\n"))
}

// Reminded is the instant SaveReminded last recorded; false when none was
// (or the file cannot be read, which only makes the catch-up say more).
func (s *Store) Reminded() (time.Time, bool) {
	data, err := os.ReadFile(filepath.Join(s.dir, remindedName))
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
	if err := os.Remove(filepath.Join(s.dir, remindedName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("cannot reset the reminders' progress: %w", err)
	}
	return nil
}
