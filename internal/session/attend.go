package session

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// Awake keeps the computer from sleeping while a pack is on, and says
// when it goes to sleep anyway, without blocking the caller: a
// *awake.Keeper.
type Awake interface {
	// Hold keeps the computer awake for why until Release.
	Hold(why string) <-chan error
	Release() <-chan error
	// Sleeping receives when the computer is about to sleep while held;
	// Ready lets it go on.
	Sleeping() <-chan struct{}
	Ready()
	// Troubles receives what failed by itself.
	Troubles() <-chan error
	Close()
}

// attendance is what a driving session keeps up beside its reminders at
// an instant, a pure function of the course and the instant (attendanceAt).
type attendance struct {
	// hold says a pack is on, or its removal waits for the person: the
	// computer is kept awake; pack is which pack, off when it comes off
	// (zero: its removal waits now).
	hold bool
	pack schedule.Kind
	off  time.Time
	// waiting is the change whose reminder waits for the person (waits).
	waiting schedule.Transition
	waits   bool
	// nag says the phone's server rings the repeats of waiting, a removal,
	// every repeat until it stops waiting.
	nag bool
}

// attendanceAt is what a driver keeps up for course c at now, repeating a
// removal every repeat (none when zero or less).
func attendanceAt(c schedule.Course, now time.Time, repeat time.Duration) attendance {
	var a attendance
	a.waiting, a.waits = c.Waiting(now)
	st := c.StateAt(now)
	switch {
	case a.waits && a.waiting.TakesPackOff():
		a.hold, a.pack, a.nag = true, a.waiting.From.Kind, repeat > 0
	case !st.Done && !st.Paused && st.Current.Kind.IsOn():
		a.hold, a.pack, a.off = true, st.Current.Kind, st.Current.End
	}
	return a
}

// lookAgain bounds how long the attendant waits without looking at the
// course: its timer runs on the monotonic clock, which stops while the
// computer sleeps, and a course that is over stops waiting for its last
// removal with no change to wake for.
const lookAgain = time.Minute

// sayAsleepWithin bounds how long a sleep is held back for the desktop and
// the phone to take the going-to-sleep message (logind waits 5 s at most).
const sayAsleepWithin = 3 * time.Second

// attendant is the goroutine of a driving session that keeps up its
// attendance: it holds the computer awake, keeps the repeats of a waiting
// removal on the phone's server, and tells the phone's replies which
// reminder waits. It looks at the course when poked (a save, a reminder),
// at the next change, and at least every lookAgain.
type attendant struct {
	poke chan struct{}
	stop context.CancelFunc
	// running counts its goroutines: the attendant, the replies' reader and
	// the going-to-sleep messages.
	running sync.WaitGroup

	// What is in force, owned by the attendant's goroutine: held, the
	// computer kept awake; nagAt, the change whose repeats are on the
	// phone's server (nagging); waiting, what the replies were told waits
	// (none at first); listening, the replies are followed.
	held, nagging, listening bool
	nagAt                    time.Time
	waiting                  []time.Time
}

// attend starts the attendant of a driving session.
func (s *Session) attend() {
	ctx, cancel := context.WithCancel(context.Background())
	s.attending.poke, s.attending.stop = make(chan struct{}, 1), cancel
	s.attending.running.Go(func() { s.attendLoop(ctx) })
}

// pokeAttendant has the attendant look at the course now.
func (s *Session) pokeAttendant() {
	if s.attending.poke == nil {
		return
	}
	select {
	case s.attending.poke <- struct{}{}:
	default: // a look is due already
	}
}

// stopAttending ends the attendant and lets the computer sleep again; the
// repeats stay on the phone's server (see CloseFor).
func (s *Session) stopAttending() {
	if s.attending.stop == nil {
		return
	}
	s.attending.stop()
	s.attending.running.Wait()
	if s.awake != nil {
		s.awake.Close()
	}
}

func (s *Session) attendLoop(ctx context.Context) {
	var sleeping <-chan struct{}
	var troubles <-chan error
	if s.awake != nil {
		sleeping, troubles = s.awake.Sleeping(), s.awake.Troubles()
	}
	look := time.NewTimer(0)
	defer look.Stop()
	for {
		look.Reset(s.tend(ctx))
		select {
		case <-ctx.Done():
			return
		case <-s.attending.poke:
		case <-look.C:
		case <-sleeping:
			s.goingToSleep(ctx)
		case err := <-troubles:
			s.troubled(err)
		}
	}
}

// tend brings what is in force in line with the course now and returns
// how long until it should look again.
func (s *Session) tend(ctx context.Context) time.Duration {
	c, known := s.followed()
	if !known {
		return lookAgain
	}
	now := s.Now()
	a := attendanceAt(c, now, s.repeat)
	s.keepAwake(a)
	s.nag(c, a)
	s.tellReplies(ctx, c, a)
	wait := lookAgain
	if t, ok := nextChange(c, now); ok {
		wait = min(wait, t.At.Sub(now))
	}
	return max(wait, 0)
}

// keepAwake holds the computer awake while a says so, and lets it go
// otherwise.
func (s *Session) keepAwake(a attendance) {
	at := &s.attending
	switch {
	case s.awake == nil || a.hold == at.held:
	case a.hold:
		trouble(s, s.awake.Hold(words.AwakeWhy(a.pack)), plainErr)
		at.held = true
	default:
		trouble(s, s.awake.Release(), plainErr)
		at.held = false
	}
}

// nag keeps the repeats of the removal that waits on the phone's server,
// up to when it stops waiting, and deletes them once it waits no more.
func (s *Session) nag(c schedule.Course, a attendance) {
	at := &s.attending
	switch {
	case s.phone == nil:
	case a.nag && !(at.nagging && at.nagAt.Equal(a.waiting.At)):
		again := words.Repeat(c, a.waiting, 1, c.StateAt(a.waiting.At), time.Local)
		trouble(s, s.phone.ScheduleRepeats(again, s.repeat, c.WaitsUntil(a.waiting)), phoneErr)
		at.nagging, at.nagAt = true, a.waiting.At
	case !a.nag && at.nagging:
		trouble(s, s.phone.CancelRepeats(), phoneErr)
		at.nagging = false
	}
}

// tellReplies tells the phone's replies which reminder waits, and starts
// following them once it has: a reply to the reminder waiting when this
// driver began, sent while no icetimer ran, is applied.
func (s *Session) tellReplies(ctx context.Context, c schedule.Course, a attendance) {
	at := &s.attending
	if s.replies == nil {
		return
	}
	var waiting []time.Time
	if a.waits {
		waiting = append(waiting, a.waiting.At)
	}
	// Only a change of what waits is told: the replies forget a change
	// once its press is handed on, so that a second press is not.
	if !slices.Equal(waiting, at.waiting) {
		at.waiting = waiting
		s.replies.SetWaiting(waiting...)
	}
	if !at.listening {
		at.listening = true
		s.hearReplies(ctx, c)
	}
}

// goingToSleep tells the desktop and the phone that the computer goes to
// sleep with a pack on, then lets it sleep: once both took the message, or
// after sayAsleepWithin.
func (s *Session) goingToSleep(ctx context.Context) {
	c, known := s.followed()
	now := s.Now()
	var a attendance
	if known {
		a = attendanceAt(c, now, s.repeat)
	}
	if !a.hold {
		s.awake.Ready()
		return
	}
	r := words.GoingToSleep(a.pack, a.off, now, s.phone != nil, time.Local)
	desktop := s.send(notification(r))
	var phone <-chan ntfy.Result
	if s.phone != nil {
		phone = s.phone.Publish(r)
	}
	s.attending.running.Go(func() {
		defer s.awake.Ready()
		timeout := time.After(sayAsleepWithin)
		for desktop != nil || phone != nil {
			select {
			case <-ctx.Done():
				return
			case res := <-desktop:
				if !res.OK() && s.notifier != nil {
					s.troubled(fmt.Errorf("desktop notification %s: %v. %s", res.Outcome, res.Err, r.Title))
				}
				desktop = nil
			case res := <-phone:
				if res.Err != nil {
					s.troubled(res.Err)
				}
				phone = nil
			case <-timeout:
				return
			}
		}
	})
}
