package session

import (
	"sync"
	"time"

	"github.com/icetimer/icetimer/internal/hooks"
	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// Phone publishes reminders to a phone and keeps one message scheduled on
// the server for the next change, without blocking the caller: a
// *ntfy.Publisher.
type Phone interface {
	// Publish sends a reminder now.
	Publish(words.Reminder) <-chan ntfy.Result
	// Schedule makes next, due at at, the one scheduled message.
	Schedule(next words.Reminder, at time.Time) <-chan ntfy.Result
	// Cancel deletes the scheduled message.
	Cancel() <-chan ntfy.Result
	// Inherit says an earlier process may have scheduled the change at at.
	Inherit(at time.Time)
	// ScheduleRepeats makes the server ring again, every every until
	// until, the reminder that waits; CancelRepeats deletes those repeats;
	// InheritRepeats says an earlier process may have scheduled the repeats
	// of the change at change.
	ScheduleRepeats(again words.Reminder, every time.Duration, until time.Time) <-chan ntfy.Result
	CancelRepeats() <-chan ntfy.Result
	InheritRepeats(change time.Time)
	// Close sends what is queued (bounded) and stops.
	Close()
}

// Hooks runs the person's command at each change without blocking the
// caller: a *hooks.Runner.
type Hooks interface {
	Run(hooks.Event) <-chan error
	Close()
}

// troubleBuffer bounds the failures waiting to be shown; more are dropped
// (the same failure, each time, says no more than the first few).
const troubleBuffer = 16

// away is the session's side of reminding away from the screen: the phone,
// the hooks, and the course they follow.
type away struct {
	mu sync.Mutex
	// course is the newest course this process saved or read, which the
	// next change is worked out from; known is false before the first.
	course schedule.Course
	known  bool

	troubles chan error
	// waiting counts the goroutines waiting for a phone or hook result.
	waiting sync.WaitGroup
}

// Troubles receives, one line each, why a phone push or a hook failed, for
// the driver to show; it is never closed. Failures beyond a small buffer
// are dropped.
func (s *Session) Troubles() <-chan error { return s.away.troubles }

// trouble passes on a failure from c, once it comes, unless it is none.
func trouble[T any](s *Session, c <-chan T, err func(T) error) {
	s.away.waiting.Go(func() {
		if e := err(<-c); e != nil {
			select {
			case s.away.troubles <- e:
			default:
			}
		}
	})
}

func phoneErr(r ntfy.Result) error { return r.Err }

// plainErr is a channel's error as it came: a hook's, keeping awake's.
func plainErr(err error) error { return err }

// follow makes c the course the phone and the hooks follow, after it was
// written or read at now, and schedules its next change on the phone (or
// cancels the scheduled one when nothing comes next).
func (s *Session) follow(c schedule.Course, now time.Time) {
	s.away.mu.Lock()
	s.away.course, s.away.known = c, true
	s.away.mu.Unlock()
	s.scheduleAfter(c, now)
	s.pokeAttendant()
}

// followed is the course follow was last given; false before the first.
func (s *Session) followed() (schedule.Course, bool) {
	s.away.mu.Lock()
	defer s.away.mu.Unlock()
	return s.away.course, s.away.known
}

// endRepeats deletes the repeats that a driver may have left on the
// phone's server for the removal waiting in before, which waits no more
// in after: for a command that changed the course while no icetimer drove
// it (that driver died, or quit while the reminder waited).
func (s *Session) endRepeats(before, after schedule.Course, now time.Time) {
	t, waited := before.Waiting(now)
	if s.phone == nil || !waited || !t.TakesPackOff() {
		return
	}
	if w, waits := after.Waiting(now); waits && w.At.Equal(t.At) {
		return
	}
	s.phone.InheritRepeats(t.At)
	trouble(s, s.phone.CancelRepeats(), phoneErr)
}

// inherit tells the phone that an earlier process, driving c, may have
// scheduled c's next change at now: it is replaced or cancelled in turn.
func (s *Session) inherit(c schedule.Course, now time.Time) {
	if s.phone == nil {
		return
	}
	if t, ok := nextChange(c, now); ok {
		s.phone.Inherit(t.At)
	}
}

// scheduleAfter schedules the first change of c after now on the phone.
func (s *Session) scheduleAfter(c schedule.Course, now time.Time) {
	if s.phone == nil {
		return
	}
	t, ok := nextChange(c, now)
	if !ok {
		trouble(s, s.phone.Cancel(), phoneErr)
		return
	}
	ahead := words.Cautioned(words.For(c, []schedule.Transition{t}, c.StateAt(t.At), time.Local), s.cautions)
	trouble(s, s.phone.Schedule(ahead, t.At), phoneErr)
}

// nextChange is the first change of c strictly after now that will be
// announced, if any comes: a course that is over has none.
func nextChange(c schedule.Course, now time.Time) (schedule.Transition, bool) {
	if c.StateAt(now).Done {
		return schedule.Transition{}, false
	}
	for t := range c.Changes(now.Add(time.Nanosecond)) {
		return t, true
	}
	return schedule.Transition{}, false
}

// remindAway publishes r to the phone, runs the hook for it, and schedules
// the change after it: the one the phone must ring for if this process is
// gone by then.
func (s *Session) remindAway(r words.Reminder) {
	if s.phone == nil && s.hooks == nil {
		return
	}
	s.away.mu.Lock()
	c, known := s.away.course, s.away.known
	s.away.mu.Unlock()
	after := r.At
	if now := s.Now(); now.After(after) {
		after = now
	}
	var next time.Time
	if known {
		if t, ok := nextChange(c, after); ok {
			next = t.At
		}
	}
	if s.phone != nil {
		trouble(s, s.phone.Publish(r), phoneErr)
		if known && r.Repeat == 0 {
			s.scheduleAfter(c, after)
		}
	}
	if s.hooks != nil {
		trouble(s, s.hooks.Run(hooks.EventFor(r, next)), plainErr)
	}
}

// closeAway lets the hooks finish and the phone send what is queued (each
// bounded), then waits for their results.
func (s *Session) closeAway() {
	// Side by side, so that a stuck hook and a dead server hold the end
	// of the process for one bound (a second), not the sum.
	var closing sync.WaitGroup
	if s.hooks != nil {
		closing.Go(s.hooks.Close)
	}
	if s.phone != nil {
		closing.Go(s.phone.Close)
	}
	closing.Wait()
	s.away.waiting.Wait()
}

// troubled passes err on as one of Troubles' lines, unless the buffer is
// full.
func (s *Session) troubled(err error) {
	select {
	case s.away.troubles <- err:
	default:
	}
}
