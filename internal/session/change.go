package session

import (
	"errors"
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// ErrDriven says another process drives the course, so a command that
// records on it (pain, next-stage) refuses rather than write under it: the
// driver holds the course in memory and its next save would drop what was
// written. Errors wrap it with the *store.LockedError naming the process.
var ErrDriven = errors.New("another icetimer drives the course")

// Change is a command's one change to the course saved in dir: change gets
// the course and the event instant now, edits the course and says what
// became of it; the course is then saved (or moved to history once over).
// It returns store.ErrNoCourse when there is none, and an error wrapping
// ErrDriven and the *store.LockedError when another process drives it.
func Change(dir string, opts Options, change func(c *schedule.Course, now time.Time) error) (schedule.Course, error) {
	s, err := Open(dir, opts)
	var locked *store.LockedError
	if errors.As(err, &locked) {
		return schedule.Course{}, fmt.Errorf("%w: %w", ErrDriven, locked)
	}
	if err != nil {
		return schedule.Course{}, err
	}
	defer s.Close()
	c, err := s.store.Load()
	if err != nil {
		return c, err
	}
	if s.Now().Before(c.Start) || c.StateAt(s.Now()).Done {
		return c, store.ErrNoCourse
	}
	if err := change(&c, s.EventTime()); err != nil {
		return c, err
	}
	return c, s.Save(s.Ticket(), c)
}
