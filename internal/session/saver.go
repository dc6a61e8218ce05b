package session

import (
	"sync"
	"sync/atomic"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// saver orders saves that come from many goroutines (one tea.Cmd per event):
// they run one at a time, and a save overtaken by a newer one is dropped, so
// an older course can never be written over a newer one. Events are
// append-only, so the newest course holds everything the older ones did.
type saver struct {
	issued atomic.Uint64 // saves asked for
	mu     sync.Mutex    // one save at a time
	// written is the ticket of the newest save done.
	written uint64
	// unsaved is the newest course a save was asked for, and failed says
	// it could not be written (a full or read-only disk).
	unsaved schedule.Course
	failed  bool
}

// Unsaved is the course this process drives when its newest save failed
// (a full or read-only disk): what the saved file lacks, for the process
// it hands the course to; false when the file holds it.
func (s *Session) Unsaved() (schedule.Course, bool) {
	s.saves.mu.Lock()
	defer s.saves.mu.Unlock()
	return s.saves.unsaved, s.saves.failed
}

// Ticket numbers a save in the order the caller asks for them; call it where
// the event happens (in Update), not in the command that saves.
func (s *Session) Ticket() uint64 { return s.saves.issued.Add(1) }

// Save writes c, numbered by ticket, unless a newer save has been written
// already. A course that is over is moved to history instead.
func (s *Session) Save(ticket uint64, c schedule.Course) error {
	s.saves.mu.Lock()
	defer s.saves.mu.Unlock()
	if ticket < s.saves.written {
		return nil
	}
	now := s.Now()
	err := s.write(c, now)
	s.publish(c) // the course this process drives now, saved or not
	s.saves.unsaved, s.saves.failed = c, err != nil
	if err != nil {
		return err
	}
	s.saves.written = ticket
	s.withdrawAcknowledged(c)
	// In the saves' order, so the phone follows the newest plan.
	s.follow(c, now)
	return nil
}

// withdrawAcknowledged takes the reminder c's newest event answered off
// the desktop (an ack of a removal, the answer to "is it on?", any key that
// stops the repeats): repeats replace one popup, and once answered it has
// nothing left to say.
func (s *Session) withdrawAcknowledged(c schedule.Course) {
	n := len(c.Events)
	if s.notifier == nil || n == 0 {
		return
	}
	at := c.Events[n-1].At
	before := c
	before.Events = c.Events[:n-1]
	t, waited := before.Waiting(at)
	if !waited {
		return
	}
	if still, waits := c.Waiting(at); waits && still.At.Equal(t.At) {
		return
	}
	s.notifier.Withdraw(words.Tag(t.At))
}
