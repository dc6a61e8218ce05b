package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui/timer"
	"github.com/icetimer/icetimer/internal/words"
)

// tookOverMsg says a read-only screen took the lock on the course: the
// process that drove it is gone, and this one drives it now. The files
// are read in the command that took it, not in Update.
type tookOverMsg struct {
	session *session.Session
	resumed session.Resumed
	err     error // from Resume: no course, a broken file
	history report.Earlier
}

// WithWatch makes the timer screen a view of the course in s, which the
// process holder names drives. Every timer.ReloadEvery it reads the course
// again, and first tries take: once that process is gone the lock is free,
// take gets it, and this screen drives the course from then on, reminders
// included, and says so. The taken session is Model.Session's to close.
func WithWatch(s *store.Store, holder *store.LockedError, take func() (*session.Session, error)) Option {
	reload := func() tea.Msg {
		if taken, err := take(); err == nil {
			r, err := taken.Resume()
			return tookOverMsg{session: taken, resumed: r, err: err, history: report.ReadEarlier(taken.Store(), taken.Now())}
		}
		return ReadCourse(s)
	}
	return WithReadOnly(words.ReadOnly(holder.PID, holder.Command), reload)
}

// ReadCourse reads the course in s again for a read-only screen.
func ReadCourse(s *store.Store) timer.ReloadedMsg {
	c, err := s.Load()
	if errors.Is(err, store.ErrNoCourse) {
		return timer.ReloadedMsg{Gone: true}
	}
	return timer.ReloadedMsg{Course: c, Err: err}
}

// takeOver makes the screen drive the course it took: the saved course
// resumed, its missed changes told, reminders from now on.
func (m Model) takeOver(took tookOverMsg) (Model, tea.Cmd) {
	connect(took.session)(&m)
	WithHistory(took.history)(&m)
	cfg := m.timerCfg
	cfg.ReadOnly, cfg.Reload = "", nil
	cfg.Notice = words.TookOver
	if took.err == nil {
		cfg.Since = took.resumed.Since
	}
	m.timer = timer.New(took.resumed.Course, cfg)
	if m.background != nil {
		m.timer, _ = m.timer.Update(*m.background)
	}
	m.timer, _ = m.timer.Update(m.size)
	return m, m.timer.Init()
}

// Session is the session the screens drive the course through: the one
// given WithSession, or the one a read-only screen took over (WithWatch);
// nil for a read-only screen that took none.
func (m Model) Session() *session.Session { return m.session }

// BackgroundArgs are the `icetimer run` arguments that keep reminding as
// this screen did, for a person who quit choosing to keep the reminders.
func (m Model) BackgroundArgs() []string {
	args := []string{"--sound", "off"}
	if m.sound {
		args[1] = "on"
	}
	switch every := m.timerCfg.Repeat; {
	case every < 0:
		args = append(args, "--repeat", "off")
	case every > 0:
		args = append(args, "--repeat", every.String())
	}
	return args
}
