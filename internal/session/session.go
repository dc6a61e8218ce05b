// Package session is this process's hold on the saved course: it holds the
// lock, starts, resumes, saves and stops the course, records how far its
// changes have been announced, and sends each reminder out (desktop, sound,
// phone, hook); a session that drives also keeps the computer awake while
// a pack is on, keeps a waiting removal's repeats on the phone's server and
// hears the phone's buttons (attend.go, replies.go). The rules it follows are the engine's (schedule) and the
// reminding rules beside it (remind), so the timer screen and `icetimer
// run` follow the same ones.
package session

import (
	"errors"
	"os"
	"sync"
	"time"

	"github.com/icetimer/icetimer/internal/control"
	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// Clock is the wall clock a process reads: time.Now, or one a test sets.
// Commands that only read the course read it too, so every command has the
// one clock.
type Clock func() time.Time

// Now is the clock's reading without its monotonic part, which stops while
// a laptop sleeps: every state is computed from the wall clock.
func (c Clock) Now() time.Time { return c().Round(0) }

// Options configure a session; every field is optional.
type Options struct {
	// Clock is the wall clock; nil means time.Now. Tests pass one they set.
	Clock Clock
	// Notifier sends the desktop reminders; nil sends none (a command that
	// only stops the course).
	Notifier Notifier
	// Player plays the chimes; nil plays none (--sound off).
	Player Player
	// Speaker says the reminders aloud; nil says none (--voice off).
	Speaker Speaker
	// Phone publishes the reminders to a phone and keeps the next change
	// scheduled on its server; nil when there is no [ntfy] config.
	Phone Phone
	// Hooks runs the on_change hook at each change; nil for none.
	Hooks Hooks
	// Boot is the clock that runs on through a suspend, against which a
	// step of the wall clock is told (Stepped); nil means BootClock. Tests
	// move it with the wall clock to play time lived.
	Boot func() (time.Duration, bool)
	// Serve makes the session serve the control socket, through which every
	// other command reaches the course: for a process that drives it (the
	// screen, `run`, a view that took over), which then applies what
	// Requests receives. A command that changes the course once leaves it
	// false.
	Serve bool
	// For a session that drives (Serve): Awake keeps the computer awake
	// while a pack is on (nil: keep_awake off); Replies hears the phone's
	// buttons (nil: no phone, or [ntfy] ack off); Repeat is how often a
	// removal that waits repeats (--repeat), which the phone's server then
	// rings by itself (zero or less: no repeats).
	Awake   Awake
	Replies Replies
	Repeat  time.Duration
}

// Session is this process's hold on the saved course. Its methods do a
// little blocking file I/O: the screen calls them from tea.Cmds.
type Session struct {
	store   *store.Store
	clock   Clock
	boot    func() (time.Duration, bool)
	release func()
	saves   saver
	// notifier is nil when the session sends no reminders.
	notifier Notifier
	player   Player
	speaker  Speaker
	voice    voice
	phone    Phone
	hooks    Hooks
	awake    Awake
	replies  Replies
	repeat   time.Duration
	away     away
	// attending keeps the computer awake, the phone nagging and the
	// replies heard, for a session that drives (see attend).
	attending attendant
	marks     marks
	closed    sync.Once
	// requests are the actions asked from elsewhere (see Requests);
	// handling waits for the saves Handle started.
	requests chan Request
	handling sync.WaitGroup
	commits  commits
	steps    steps
	// cautions are the person's safety answers (`icetimer check`), read
	// when the session opens and when a course starts: a reminder of a
	// kind they caution carries the stronger safety line.
	cautions safety.Answers
	// server serves the control socket (Options.Serve), nil when there is
	// none; serving waits for it to end, stopServing ends it.
	server      *control.Server
	serving     sync.WaitGroup
	stopServing func()
	// FirstRun is true when icetimer had never run here (the state
	// directory did not exist): the screen then says once what icetimer is.
	FirstRun bool
}

// Open takes the lock on the course saved in dir, creating dir on the first
// run. When another process drives the course the error is a
// *store.LockedError naming it.
func Open(dir string, opts Options) (*Session, error) {
	_, statErr := os.Stat(dir)
	firstRun := errors.Is(statErr, os.ErrNotExist)
	s, err := store.OpenDir(dir)
	if err != nil {
		return nil, err
	}
	release, err := s.Lock()
	if err != nil {
		return nil, err
	}
	clock := opts.Clock
	if clock == nil {
		clock = time.Now
	}
	boot := opts.Boot
	if boot == nil {
		boot = BootClock
	}
	ses := &Session{
		store: s, clock: clock, boot: boot, release: release, notifier: opts.Notifier, player: opts.Player, speaker: opts.Speaker,
		phone: opts.Phone, hooks: opts.Hooks, away: away{troubles: make(chan error, troubleBuffer)},
		requests: make(chan Request, requestBuffer), FirstRun: firstRun,
	}
	ses.cautions, _ = s.SafetyAnswers() // none answered: no caution
	ses.forwardButtons()
	if opts.Serve {
		ses.awake, ses.replies, ses.repeat = opts.Awake, opts.Replies, opts.Repeat
		ses.serve(dir)
		if ses.awake != nil || ses.replies != nil || ses.phone != nil {
			ses.attend()
		}
	}
	return ses, nil
}

// Close is CloseFor the driver quitting.
func (s *Session) Close() { s.CloseFor("the icetimer that drove the course quit") }

// CloseFor says goodbye to the processes watching the course, saying why
// (a hand-over to a background run, a quit), and stops serving; it gives
// up the desktop reminders still queued and stops the voice mid-sentence
// (the next driver reminds from here), waits for those in hand (at most
// the notifier's timeout) to be answered and recorded, lets the saves of
// requests, the hooks and the phone finish (each bounded), and gives the
// lock back; the computer may sleep again. The message scheduled on the
// phone's server stays, and so do the repeats of a removal that waits:
// a driver that stops reminding on purpose cancels them first
// (CancelPhone). Closing again does nothing.
func (s *Session) CloseFor(why string) {
	s.closed.Do(func() {
		s.stopServe(why)
		s.stopAttending()
		s.handling.Wait()
		if s.notifier != nil {
			s.notifier.Close()
		}
		if s.player != nil {
			s.player.Close()
		}
		if s.speaker != nil {
			s.speaker.Close()
			s.voice.saying.Wait() // answered at once once closed
		}
		s.marks.running.Wait()
		s.closeAway()
		s.release()
	})
}

// Store is the state directory the session drives.
func (s *Session) Store() *store.Store { return s.store }

// Now is the session's clock now (see Clock.Now).
func (s *Session) Now() time.Time { return s.clock.Now() }

// EventTime is the instant a course starts or an event is recorded at (see
// schedule.EventInstant).
func (s *Session) EventTime() time.Time { return schedule.EventInstant(s.Now()) }

// Start makes c the saved course, none of its changes announced yet. A
// course still saved goes to history first (as replaced, or as finished
// when it was over). The very same course started again within its first
// second stays one course: moved to history, it would be taken for the one
// saved after it, which would then read as no course at all.
func (s *Session) Start(c schedule.Course) error {
	old, err := s.store.Load()
	var broken *store.BrokenError
	switch {
	case err == nil && store.SameCourse(old, c):
	case err == nil:
		s.inherit(old, s.Now())
		if err := s.store.Archive(old, c.Start); err != nil {
			return err
		}
	case errors.Is(err, store.ErrNoCourse), errors.As(err, &broken):
	default:
		return err
	}
	s.cautions, _ = s.store.SafetyAnswers()
	if err := s.store.ClearReminded(); err != nil {
		return err
	}
	if err := s.store.Save(c); err != nil {
		return err
	}
	s.follow(c, s.Now())
	s.publish(c)
	return nil
}

// Running is the saved course when it is still running now: what Start
// would replace.
func (s *Session) Running() (schedule.Course, bool) {
	c, err := s.store.Load()
	return c, err == nil && !c.StateAt(s.Now()).Done
}

// Resumed is the saved course as a resuming process finds it.
type Resumed struct {
	Course schedule.Course
	// Since is where announcing resumes: the changes from it on were not
	// announced while nothing was running.
	Since time.Time
	// Over says the course ended while nothing was running; it has been
	// moved to history and there is nothing left to drive but the telling
	// of what was missed.
	Over bool
}

// Resume reads the saved course at now. It returns store.ErrNoCourse when
// there is none, and a *store.BrokenError (the file moved aside) when it
// cannot be read.
func (s *Session) Resume() (Resumed, error) {
	c, err := s.store.Load()
	if err != nil {
		return Resumed{}, err
	}
	now := s.Now()
	r := Resumed{Course: c, Since: c.Start}
	// A marker ahead of the clock was written under a clock that has since
	// stepped back; trusting it would silence every change until then.
	if t, ok := s.store.Reminded(); ok && t.After(r.Since) && !t.After(now.Add(remind.StepSlack)) {
		r.Since = t
	}
	s.inherit(c, now)
	s.follow(c, now)
	s.publish(c)
	if c.StateAt(now).Done {
		r.Over = true
		return r, s.end(c, now)
	}
	return r, nil
}

// Stop ends the saved course now and moves it to history. alreadyOver says
// it had ended by itself; then no stop is recorded.
func (s *Session) Stop() (c schedule.Course, alreadyOver bool, err error) {
	if c, err = s.store.Load(); err != nil {
		return c, false, err
	}
	now := s.EventTime()
	s.inherit(c, now)
	before := c
	stopped, err := c.Do(schedule.Action{Verb: schedule.VerbStop}, now)
	switch {
	case errors.Is(err, schedule.ErrOutsideCourse):
		alreadyOver = true
	case err != nil:
		return c, false, err
	default:
		c = stopped
	}
	if err := s.end(c, now); err != nil {
		return c, alreadyOver, err
	}
	s.endRepeats(before, c, now)
	s.follow(c, now)
	s.publish(c)
	return c, alreadyOver, nil
}

// CancelPhone deletes the message scheduled on the phone's server, and the
// repeats of a removal that waits: for a driver that stops reminding while
// the course goes on (quitting the screen without handing the course on).
func (s *Session) CancelPhone() {
	if s.phone != nil {
		trouble(s, s.phone.Cancel(), phoneErr)
		trouble(s, s.phone.CancelRepeats(), phoneErr)
	}
}

// Announced records that every change of the saved course up to through
// has been announced, so a process resuming it later tells only the rest.
func (s *Session) Announced(through time.Time) error { return s.store.SaveReminded(through) }

// write saves c, or, once it is over at now, moves it to history: the one
// place a course that is done leaves state.json.
func (s *Session) write(c schedule.Course, now time.Time) error {
	if c.StateAt(now).Done {
		return s.end(c, now)
	}
	return s.store.Save(c)
}

// end moves c to history at now.
func (s *Session) end(c schedule.Course, now time.Time) error { return s.store.Archive(c, now) }
