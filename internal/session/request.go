package session

import (
	"errors"
	"sync"

	"github.com/icetimer/icetimer/internal/schedule"
)

// Request is an action a person asked of the course from elsewhere than
// the driver's own keys: another terminal's command, a read-only view's
// key, the notification's button. The process that drives the course
// applies it where it applies its own keys (Handle), so that one goroutine
// changes the course and the engine's one rule (schedule.Course.Do)
// decides.
type Request struct {
	Action schedule.Action
	// From says who asked, in a few words fit to print after "from" ("another
	// terminal", "the notification"): the driver says where a change came
	// from, as it would of a key pressed on its own screen.
	From string
	// begin, when set, says whether the request may still be applied: the
	// asker may have given up (control.Handler's begin).
	begin func() bool
	// answer, when set, receives what became of the request, once.
	answer func(Outcome)
}

// Outcome is what became of a request: the course after it (or as it was,
// when refused), why it was refused, or why it could not be saved.
type Outcome struct {
	Course schedule.Course
	// Refused is the engine's refusal (a *schedule.Refusal), or nil.
	Refused error
	// SaveErr says the change was made, and the driver reminds by it, but
	// it could not be saved: a later process would not know it.
	SaveErr error
}

// ErrNoCourse refuses a request made while the driver has no course (its
// picker is open, the course was stopped): exit status 3 for a command.
var ErrNoCourse = &schedule.Refusal{Code: "no-course", Reason: "no course is running: start one with 'icetimer start PRESET'"}

// errGaveUp says the asker stopped waiting before the request was applied;
// nothing was changed.
var errGaveUp = errors.New("the request was given up before it was applied")

// reply passes o to whoever waits for it.
func (r Request) reply(o Outcome) {
	if r.answer != nil {
		r.answer(o)
	}
}

// Handle applies req to c, the course the caller drives, at the session's
// now, through the engine: it returns the course to drive from then on,
// or c and why nothing changed. The change is saved, and the asker
// answered, in the background once it is; a refusal is answered at once.
// Call it on the goroutine that drives the course (a screen's Update, a
// run's loop), never two at once.
func (s *Session) Handle(req Request, c schedule.Course) (schedule.Course, error) {
	if c.Start.IsZero() {
		req.reply(Outcome{Course: c, Refused: ErrNoCourse})
		return c, ErrNoCourse
	}
	now := s.Now()
	next, err := c.Do(req.Action, now)
	if err != nil {
		req.reply(Outcome{Course: c, Refused: err})
		return c, err
	}
	if req.begin != nil && !req.begin() {
		return c, errGaveUp
	}
	s.commit(s.Ticket(), next, func(err error) { req.reply(Outcome{Course: next, SaveErr: err}) })
	return next, nil
}

// commits is the saving of the changes Handle made: one writer, which
// saves the newest course and then answers every change it holds (events
// are append-only, so the newest course holds every earlier change). A
// burst of requests costs a few saves, not one each.
type commits struct {
	mu sync.Mutex
	// newest is the newest course handled and its ticket; waiting are the
	// answers due once a course at least that new is saved.
	newest  schedule.Course
	ticket  uint64
	waiting []commitWaiter
	running bool
}

// commitWaiter is an answer due once the save of ticket is done.
type commitWaiter struct {
	ticket uint64
	answer func(error)
}

// commit saves c, numbered ticket, and calls answer with the result of the
// save that holds it: on the session's one committing goroutine.
func (s *Session) commit(ticket uint64, c schedule.Course, answer func(error)) {
	s.commits.mu.Lock()
	defer s.commits.mu.Unlock()
	s.commits.newest, s.commits.ticket = c, ticket
	s.commits.waiting = append(s.commits.waiting, commitWaiter{ticket, answer})
	if !s.commits.running {
		s.commits.running = true
		s.handling.Go(s.committing)
	}
}

// committing saves the newest course handled until none waits.
func (s *Session) committing() {
	for {
		s.commits.mu.Lock()
		if len(s.commits.waiting) == 0 {
			s.commits.running = false
			s.commits.mu.Unlock()
			return
		}
		c, ticket, due := s.commits.newest, s.commits.ticket, s.commits.waiting
		s.commits.waiting = nil
		s.commits.mu.Unlock()
		err := s.Save(ticket, c)
		for _, w := range due {
			w.answer(err)
		}
	}
}

// Requests receives the requests this process's driver applies with
// Handle: from the control socket (Options.Serve) and from the
// notification's button. It is never closed.
func (s *Session) Requests() <-chan Request { return s.requests }

// requestBuffer bounds the requests waiting for the driver; an ask beyond
// it waits (a socket's, within its deadline) or, from a button, is dropped
// (a burst of presses is one acknowledgement).
const requestBuffer = 16
