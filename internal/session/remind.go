package session

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/icetimer/icetimer/internal/notify"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/sound"
	"github.com/icetimer/icetimer/internal/words"
)

// Notifier delivers reminders to the desktop without blocking the caller:
// a *notify.Dispatcher, or a fake in tests.
type Notifier interface {
	// Send returns at once; the channel receives exactly one Result.
	Send(notify.Notification) <-chan notify.Result
	// Withdraw takes the notification with tag off the desktop (once its
	// reminder is acknowledged).
	Withdraw(tag string)
	// Close gives up what is still queued.
	Close()
}

// Player plays chimes without blocking the caller: a *sound.Player.
type Player interface {
	// Play returns at once; the channel receives nil once the chime is
	// playing, or why not (then the caller rings the terminal bell).
	Play(sound.Chime) <-chan error
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
	// SoundErr is why the chime did not play (no sound server, sound off
	// is not an error): the caller rings the terminal bell instead.
	SoundErr error
}

// marks orders the progress records of reminders answered out of order, as
// saver does for courses.
type marks struct {
	issued  atomic.Uint64
	written uint64
	mu      sync.Mutex
	running sync.WaitGroup
}

// Remind sends r to the desktop, the phone and the hook, plays its chime
// and says it aloud, and returns at once; failures of the phone, the hook
// and the voice come on Troubles. Once the desktop has
// answered (or its timeout passed) the changes before through are recorded
// as announced, and the channel receives the Answer. The record comes after
// the answer so that a crash in between repeats the reminder instead of
// losing it.
func (s *Session) Remind(r words.Reminder, through time.Time) <-chan Answer {
	r = words.Cautioned(r, s.cautions)
	results := s.send(notification(r))
	chime, chimes := s.chime(r)
	var played <-chan error
	if chimes {
		played = s.player.Play(chime)
	}
	s.speak(r, chime, chimes)
	s.remindAway(r)
	s.pokeAttendant() // a change: a pack went on or waits to come off
	ticket := s.marks.issued.Add(1)
	answer := make(chan Answer, 1)
	s.marks.running.Go(func() {
		res := <-results
		a := Answer{Result: res, SaveErr: s.announcedIn(ticket, through)}
		if played != nil {
			a.SoundErr = <-played
		}
		answer <- a
	})
	return answer
}

// chime is the chime r plays, the most insistent one to take a pack off;
// false when none plays (no player, or a change that needs none).
func (s *Session) chime(r words.Reminder) (sound.Chime, bool) {
	if s.player == nil {
		return 0, false
	}
	switch {
	case r.Urgent:
		return sound.PackOff, true
	case r.To.IsOn():
		return sound.PackOn, true
	case r.To == schedule.Done:
		return sound.Done, true
	}
	return 0, false
}

// notification is reminder r as the desktop shows it.
func notification(r words.Reminder) notify.Notification {
	return notify.Notification{Title: r.Title, Body: r.Body, Urgent: r.Urgent, Tag: r.Tag, Ack: r.Ack}
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
