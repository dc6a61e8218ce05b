package runner

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/words"
)

// Drive reminds of cfg's course's changes on out and the desktop until
// the course is done (nil) or ctx ends (its error), then waits for the
// reminders in flight (and, when the course is over, for its last words
// said aloud). How far it got is saved, so a later run or screen
// does not repeat it, and so is every change asked from elsewhere
// (session.Requests) or of its own (cfg.Own), which it applies and prints;
// it returns the course with them. cfg's Own, OnRefused, OnCountdown,
// OnChange and OnShift are the caller's: OnChange and OnShift hear of a
// change before its line is printed.
func Drive(ctx context.Context, cfg Config, s *session.Session, out io.Writer) (schedule.Course, error) {
	p := &linePrinter{w: out, bell: isTerminal(out)}
	var inFlight sync.WaitGroup
	course := cfg.Course
	cfg.Clock = WallClock(s.Now)
	cfg.Requests, cfg.Handle, cfg.Steps = s.Requests(), s.Handle, s.Stepped
	onChange, onShift := cfg.OnChange, cfg.OnShift
	cfg.OnShift = func(d time.Duration, c schedule.Course) {
		course = c
		if onShift != nil {
			onShift(d, c)
		}
		p.println(false, words.Stamped(words.ClockStepped(d), s.Now()))
		if err := s.Save(s.Ticket(), c); err != nil {
			p.println(true, words.NotSaved(err, s.Now()))
		}
	}
	cfg.OnChange = func(req session.Request, c schedule.Course) {
		course = c
		if onChange != nil {
			onChange(req, c)
		}
		now := s.Now()
		p.println(false, words.From(words.Did(req.Action, c, now), req.From, now))
	}
	cfg.OnDue = func(due Due) {
		p.println(false, due.Reminder.Line)
		answer := s.Remind(due.Reminder, due.Handled)
		inFlight.Go(func() {
			a := <-answer
			if !a.OK() {
				p.println(true, words.Undelivered(a.Outcome.String(), a.Err, a.Notification.Title, s.Now()))
			}
			if a.SaveErr != nil {
				p.println(true, words.NotSaved(a.SaveErr, s.Now()))
			}
			if a.SoundErr != nil {
				p.ring() // the chime did not play: the terminal's bell stands in
			}
		})
	}
	stop := make(chan struct{})
	showing := printTroubles(s, p, stop)
	err := Run(ctx, cfg)
	inFlight.Wait() // each is answered within the notifier's timeout
	if err == nil {
		s.AwaitVoice(lastWords) // the course is over: its last words are heard
	}
	close(stop)
	<-showing
	return course, err
}

// lastWords bounds how long a driver whose course is over waits for its
// last reminder to be said aloud: a reminder takes a few seconds to say.
const lastWords = 15 * time.Second

// printTroubles shows each failure of the phone or the hooks as a line
// until stop closes; the channel it returns closes once it has.
func printTroubles(s *session.Session, p *linePrinter, stop <-chan struct{}) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case err := <-s.Troubles():
				p.println(true, words.Stamped(err.Error(), s.Now()))
			case <-stop:
				return
			}
		}
	}()
	return done
}

// linePrinter writes whole lines from several goroutines.
type linePrinter struct {
	mu   sync.Mutex
	w    io.Writer
	bell bool // ring the terminal's bell with a fallback line
}

func (p *linePrinter) println(fallback bool, line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if fallback && p.bell {
		line = "\a" + line
	}
	fmt.Fprintln(p.w, line)
}

// ring rings the terminal's bell, when there is a terminal to hear.
func (p *linePrinter) ring() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bell {
		fmt.Fprint(p.w, "\a")
	}
}

// isTerminal reports whether w is a terminal, where a bell can be heard:
// an *os.File, or a writer onto one that gives its descriptor.
func isTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}
