package session

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/icetimer/icetimer/internal/notify"
	"github.com/icetimer/icetimer/internal/words"
)

// Notifier delivers reminders to the desktop without blocking the caller:
// a *notify.Dispatcher, or a fake in tests.
type Notifier interface {
	// Send returns at once; the channel receives exactly one Result.
	Send(notify.Notification) <-chan notify.Result
	// Close gives up what is still queued.
	Close()
}

// Answer is what became of one reminder.
type Answer struct {
	// Result is the desktop's answer; when it is not OK, the caller shows
	// its fallback (the bell, a line).
	notify.Result
	// SaveErr is why the reminders' progress could not be recorded (the
	// reminders go on; a later resume may repeat some).
	SaveErr error
}

// marks orders the progress records of reminders answered out of order, as
// saver does for courses.
type marks struct {
	issued  atomic.Uint64
	written uint64
	mu      sync.Mutex
	running sync.WaitGroup
}

// Remind sends r to the desktop and returns at once. Once the desktop has
// answered (or its timeout passed) the changes before through are recorded
// as announced, and the channel receives the Answer. The record comes after
// the answer so that a crash in between repeats the reminder instead of
// losing it.
func (s *Session) Remind(r words.Reminder, through time.Time) <-chan Answer {
	results := s.send(r.Notification)
	ticket := s.marks.issued.Add(1)
	answer := make(chan Answer, 1)
	s.marks.running.Go(func() {
		res := <-results
		answer <- Answer{Result: res, SaveErr: s.announcedIn(ticket, through)}
	})
	return answer
}

// send hands n to the notifier; a session without one answers at once that
// there is no desktop.
func (s *Session) send(n notify.Notification) <-chan notify.Result {
	if s.notifier != nil {
		return s.notifier.Send(n)
	}
	res := make(chan notify.Result, 1)
	res <- notify.Result{Notification: n, Outcome: notify.Failed, Err: notify.ErrNoDesktop}
	return res
}

// announcedIn records through unless a reminder sent later has been
// recorded already.
func (s *Session) announcedIn(ticket uint64, through time.Time) error {
	s.marks.mu.Lock()
	defer s.marks.mu.Unlock()
	if ticket < s.marks.written {
		return nil
	}
	s.marks.written = ticket
	return s.Announced(through)
}
