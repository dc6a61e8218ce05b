// Package plain is the timer screen for screen readers and very small or
// dumb terminals (icetimer --plain): what the screen says, as lines
// appended in order. It writes no cursor movement, colour or box drawing,
// never repaints and never switches screens: a line per change (the
// reminder), per minute of the last five of a phase, per key and per change
// asked from elsewhere, each a whole sentence after the clock time.
//
// The rules are the screen's and run's: runner.Drive announces, repeats
// and applies the requests (remind, session.Handle), and says what a key
// did as it says what a request from another terminal did; the keys are
// the timer screen's (timer.KeyMap), each a request of the driver's own.
package plain

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/runner"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/ui/timer"
	"github.com/icetimer/icetimer/internal/words"
)

// Config is one plain screen on a course this process drives.
type Config struct {
	Course schedule.Course
	// Since is where announcing starts (see runner.Config.Handled).
	Since time.Time
	// Repeat is how often a reminder that waits is told again; zero never.
	Repeat time.Duration
	// Keys is the terminal's input, in raw mode: one key at a time.
	Keys io.Reader
	// Term is the terminal's type (TERM), for reading its keys.
	Term string
	// Out is the terminal; CRLF ends each line with a carriage return too,
	// as a terminal in raw mode needs.
	Out  io.Writer
	CRLF bool
}

// Ending is how a plain screen ended.
type Ending int

const (
	// Finished: the course is over (it ended, or was stopped).
	Finished Ending = iota
	// KeepReminding: the person quit, keeping the reminders (q, then y).
	KeepReminding
	// NoReminders: the person quit, stopping the reminders (q, then n).
	NoReminders
	// Closed: ctx ended (a signal) while the course runs.
	Closed
)

// Run shows cfg's course, which s drives, until the course is over, the
// person quits or ctx ends, and returns the course as it then stands and
// how it ended.
func Run(ctx context.Context, s *session.Session, cfg Config) (schedule.Course, Ending) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p := &screen{
		out: &lineWriter{w: cfg.Out, crlf: cfg.CRLF}, now: s.Now, keys: timer.DefaultKeyMap(),
		course: cfg.Course, own: make(chan session.Request, 4), ctx: ctx, quit: cancel,
	}
	p.say(words.PlainOpening(cfg.Course, s.Now()))
	if !p.toldAtOnce(cfg.Since) {
		p.sayNow(words.TimeLeft(p.state(), time.Local))
	}
	keysDone := p.readKeys(cfg.Keys, cfg.Term)
	course, err := runner.Drive(ctx, runner.Config{
		Course: cfg.Course, Handled: cfg.Since, Repeat: cfg.Repeat,
		Own: p.own, OnRefused: p.refused, OnCountdown: p.countdown, OnSkinCheck: p.skinCheck,
		OnChange: func(_ session.Request, c schedule.Course) { p.adopt(c) },
		OnShift:  func(_ time.Duration, c schedule.Course) { p.adopt(c) },
	}, s, p.out)
	cancel()
	<-keysDone
	switch {
	case err == nil:
		return course, Finished
	case p.ending != Finished:
		return course, p.ending
	}
	return course, Closed
}

// screen is one plain screen: the course as the driver last changed it,
// for the keys to act on, and the question being asked.
type screen struct {
	out  *lineWriter
	now  func() time.Time
	keys timer.KeyMap
	own  chan session.Request
	ctx  context.Context
	// quit ends the screen, ending saying how (set before quit is called).
	quit   func()
	ending Ending

	mu     sync.Mutex
	course schedule.Course

	// asking is the question the next key answers; typed is the answer to
	// the went-on question so far. Only the keys' goroutine uses them.
	asking question
	typed  string
}

// toldAtOnce says whether the driver, announcing from since, tells of a
// change as it starts: else the screen says where the course stands.
func (p *screen) toldAtOnce(since time.Time) bool {
	if since.IsZero() {
		since = p.course.Start
	}
	peek := remind.NewAnnouncer(since)
	return len(peek.Due(p.course, p.now())) > 0
}

// say writes one line.
func (p *screen) say(line string) { fmt.Fprintln(p.out, line) }

// sayNow writes one line of the screen's own, with the clock time.
func (p *screen) sayNow(line string) { p.say(words.Stamped(line, p.now())) }

// state is the course as the driver last changed it, at now.
func (p *screen) state() schedule.State {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.course.StateAt(p.now())
}

// adopt takes the course after a change the driver made (a request, or a
// clock step it shifted the course by).
func (p *screen) adopt(c schedule.Course) {
	p.mu.Lock()
	p.course = c
	p.mu.Unlock()
}

// refused says why a key's change was not made.
func (p *screen) refused(_ session.Request, err error) { p.say(words.Refused(err, p.now())) }

// countdown says the time left, in the last minutes of a phase.
func (p *screen) countdown(st schedule.State) {
	p.say(words.Stamped(words.TimeLeft(st, time.Local), st.Now))
}

// skinCheck asks the skin check, with the bell, as the timer screen rings
// it.
func (p *screen) skinCheck(st schedule.State) {
	p.say("\a" + words.Stamped(words.SkinCheckQuestion, st.Now))
}

// ask has the driver make change a, as a request of its own.
func (p *screen) ask(a schedule.Action) {
	select {
	case p.own <- session.Request{Action: a}:
	case <-p.ctx.Done():
	}
}

// end ends the screen as e says.
func (p *screen) end(e Ending) {
	p.ending = e
	p.quit()
}
