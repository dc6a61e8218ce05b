package session

import (
	"github.com/icetimer/icetimer/internal/schedule"
)

// Apply performs a on the saved course now, for a command that holds the
// lock only for it because no other process drives the course: the
// engine's one rule decides (schedule.Course.Do), and the course is saved
// (or moved to history once over). It returns the course after a, or the
// saved one and the engine's refusal; store.ErrNoCourse when there is none.
func (s *Session) Apply(a schedule.Action) (schedule.Course, error) {
	c, err := s.store.Load()
	if err != nil {
		return c, err
	}
	now := s.Now()
	next, err := c.Do(a, now)
	if err != nil {
		return c, err
	}
	s.inherit(c, now)
	if err := s.Save(s.Ticket(), next); err != nil {
		return next, err
	}
	s.endRepeats(c, next, now)
	return next, nil
}
