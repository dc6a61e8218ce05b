package ui

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/ui/timer"
	"github.com/icetimer/icetimer/internal/words"
)

// saveTimeout is how long a save may take before the screen says it is slow
// (it goes on in the background).
const saveTimeout = 5 * time.Second

// WithSession connects the screens to the session driving the course: its
// clock, its saves and its reminders, each run in the background and
// reporting trouble as a line on the screen, and the history read back for
// today's count and the advice. It says once what icetimer is on a first run.
func WithSession(s *session.Session) Option {
	return func(m *Model) {
		connect(s)(m)
		WithHistory(report.ReadEarlier(s.Store(), s.Now()))(m)
	}
}

// connect is WithSession without reading anything: for a read-only screen
// that takes the course over in Update, where no file may be read.
func connect(s *session.Session) Option {
	return func(m *Model) {
		m.session = s
		WithClock(s.Now)(m)
		WithSave(func(c schedule.Course) tea.Cmd { return save(s, c) })(m)
		WithNotify(func(a timer.Announcement) tea.Cmd { return remind(s, a) })(m)
		m.timerCfg.Steps = s.Stepped
		if s.FirstRun {
			WithDisclaimer()(m)
		}
	}
}

// save numbers the save where the event happens, then writes in the
// background: a slow disk delays nothing on screen.
func save(s *session.Session, c schedule.Course) tea.Cmd {
	ticket := s.Ticket()
	return func() tea.Msg {
		done := make(chan error, 1)
		go func() { done <- s.Save(ticket, c) }()
		select {
		case err := <-done:
			if err != nil {
				return timer.ErrorMsg{Err: fmt.Errorf("saving failed, the timer goes on: %w", err)}
			}
			return timer.ErrorMsg{}
		case <-time.After(saveTimeout):
			return timer.ErrorMsg{Err: errors.New("saving is slow; the timer goes on")}
		}
	}
}

// remind sends the desktop reminder for a. One that does not reach the
// desktop is said on screen, where the banner and the bell stand in for it.
func remind(s *session.Session, a timer.Announcement) tea.Cmd {
	r := words.For(a.Course, a.Transitions, a.State, time.Local)
	if a.Repeat > 0 {
		r = words.Repeat(a.Course, a.Transitions[0], a.Repeat, a.State, time.Local)
	}
	answer := s.Remind(r, a.Through)
	return func() tea.Msg {
		res := <-answer
		switch {
		case !res.OK():
			return timer.ErrorMsg{Err: fmt.Errorf("desktop notification %s: %v", res.Outcome, res.Err)}
		case res.SaveErr != nil:
			return timer.ErrorMsg{Err: fmt.Errorf("saving failed, the timer goes on: %w", res.SaveErr)}
		}
		return timer.ErrorMsg{} // the desktop is back: its error line goes
	}
}

// waitRequest waits for the next change asked of the course from
// elsewhere (session.Requests), for the screen showing to apply.
func waitRequest(s *session.Session) tea.Cmd {
	if s == nil {
		return nil
	}
	requests := s.Requests()
	return func() tea.Msg {
		req := <-requests
		return timer.RequestMsg{Action: req.Action, From: req.From,
			Apply: func(c schedule.Course) (schedule.Course, error) { return s.Handle(req, c) }}
	}
}

// troubleMsg is a phone push or a hook that failed (Session.Troubles).
type troubleMsg struct{ err error }

// waitTrouble waits for the session's next trouble, to show on screen.
func waitTrouble(s *session.Session) tea.Cmd {
	if s == nil {
		return nil
	}
	troubles := s.Troubles()
	return func() tea.Msg { return troubleMsg{<-troubles} }
}
