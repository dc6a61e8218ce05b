package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/background"
	"github.com/icetimer/icetimer/internal/control"
	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui/timer"
	"github.com/icetimer/icetimer/internal/words"
)

// findFor is how long a view looks for the process that drives the course
// (a hand-over's new driver taking the lock and opening its socket) before
// it falls back to reading the saved course every timer.ReloadEvery.
const findFor = 3 * time.Second

// findEvery is how often it looks meanwhile.
const findEvery = 100 * time.Millisecond

// handOverWait is how long a view leaves the lock to the process a driver
// said goodbye for (the background run it handed the course to) before
// taking the course over itself: the person chose that run, and a view
// that won the race would leave it a "course in use" line in run.log.
const handOverWait = 2 * time.Second

// tookOverMsg says a read-only screen took the lock on the course: the
// process that drove it is gone, and this one drives it now. The files
// are read in the command that took it, not in Update.
type tookOverMsg struct {
	session *session.Session
	resumed session.Resumed
	err     error // from Resume: no course, a broken file
	history report.Earlier
}

// watchingMsg says the view follows the course of the driver holder names,
// on its control socket.
type watchingMsg struct {
	updates <-chan control.Update
	holder  *store.LockedError
}

// watchedMsg is one update of the course followed; one with no course is
// the end of the stream (u says how it ended: a goodbye, or lost).
type watchedMsg struct {
	u       control.Update
	updates <-chan control.Update
}

// polledMsg is the saved course read again, for a view of a driver that
// serves no socket (an older icetimer, a command holding the lock).
type polledMsg struct {
	course   timer.ReloadedMsg
	readOnly string // the line naming the lock's holder, when known
}

// watcher is a read-only screen's link to the process that drives the
// course: shared by every copy of the model, as the socket it follows
// changes at a hand-over.
type watcher struct {
	store *store.Store
	take  func() (*session.Session, error)
	mu    sync.Mutex
	// socket is the control socket of the driver followed now, "" when
	// none serves one.
	socket string
	// handOverWait is handOverWait, shorter in tests.
	handOverWait time.Duration
}

// WithWatch makes the timer screen a view and a remote control of the
// course another process drives (holder names it): it follows the course
// that process publishes on its control socket, and its keys ask that
// process to act (timer.Config.Remote). The moment that process is gone
// without handing the course on (its stream ends with no goodbye) this
// screen takes the course over with take, says so, and drives it, reminders
// included; after a hand-over (a goodbye) it follows the next driver, or
// takes over when none comes. A driver that serves no socket (an older
// icetimer) is followed by reading s every timer.ReloadEvery. The taken
// session is Model.Session's to close.
func WithWatch(s *store.Store, holder *store.LockedError, take func() (*session.Session, error)) Option {
	w := &watcher{store: s, take: take, socket: holder.Socket, handOverWait: handOverWait}
	return func(m *Model) {
		m.watch = w
		m.timerCfg.ReadOnly = words.ReadOnly(holder.PID, holder.Command)
		m.timerCfg.Remote = w.remote
	}
}

// ReadCourse reads the course in s again for a read-only screen.
func ReadCourse(s *store.Store) timer.ReloadedMsg {
	c, err := s.Load()
	if errors.Is(err, store.ErrNoCourse) {
		return timer.ReloadedMsg{Gone: true}
	}
	return timer.ReloadedMsg{Course: c, Err: err}
}

// watchInit starts following the driver, for a read-only screen.
func (m Model) watchInit() tea.Cmd {
	if m.watch == nil {
		return nil
	}
	return m.watch.find(0, 0)
}

// find looks for the process that drives the course, after wait: it takes
// the course over when the lock is free, follows the driver's socket when
// it serves one, and else reads the saved course (polledMsg). For the first
// leave of it, it only looks for a new driver and leaves a free lock to
// whoever is coming for it.
func (w *watcher) find(wait, leave time.Duration) tea.Cmd {
	return func() tea.Msg {
		time.Sleep(wait)
		leaveUntil := time.Now().Add(leave)
		giveUp := leaveUntil.Add(findFor)
		for {
			var holder *store.LockedError
			if time.Now().Before(leaveUntil) {
				holder, _ = w.store.Holder()
			} else if _, err := w.store.Load(); errors.Is(err, store.ErrNoCourse) {
				// Nothing to drive: the lock stays free for whoever starts
				// the next course, which this view then follows (taking it
				// would start every adapter, and bar that start meanwhile).
				if holder, _ = w.store.Holder(); holder == nil || holder.Socket == "" {
					return w.noCourse(holder)
				}
			} else {
				taken, err := w.take()
				if err == nil {
					return w.took(taken)
				}
				errors.As(err, &holder)
			}
			if holder != nil && holder.Socket != "" {
				if updates, err := control.Watch(context.Background(), holder.Socket); err == nil {
					return watchingMsg{updates: updates, holder: holder}
				}
			}
			if time.Now().After(giveUp) {
				polled := polledMsg{course: ReadCourse(w.store)}
				if holder != nil {
					polled.readOnly = words.ReadOnly(holder.PID, holder.Command)
				}
				w.follow("")
				return polled
			}
			time.Sleep(findEvery)
		}
	}
}

// took is what the view does with the lock it took: drive the course, or,
// when it is over, leave the lock free as when there is none.
func (w *watcher) took(taken *session.Session) tea.Msg {
	r, err := taken.Resume()
	if errors.Is(err, store.ErrNoCourse) || err == nil && r.Over {
		taken.Close()
		return w.noCourse(nil)
	}
	return tookOverMsg{session: taken, resumed: r, err: err, history: report.ReadEarlier(taken.Store(), taken.Now())}
}

// noCourse is what the view shows with no course saved: the line naming
// holder, the process that holds the lock on none, or else that none
// drives a course (the line of a driver gone must not stay).
func (w *watcher) noCourse(holder *store.LockedError) polledMsg {
	w.follow("")
	gone := polledMsg{course: timer.ReloadedMsg{Gone: true}, readOnly: words.NoDriver}
	if holder != nil {
		gone.readOnly = words.ReadOnly(holder.PID, holder.Command)
	}
	return gone
}

// follow makes socket the one the view's keys ask.
func (w *watcher) follow(socket string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.socket = socket
}

// next waits for the next update of the course followed.
func next(updates <-chan control.Update) tea.Cmd {
	return func() tea.Msg {
		u := <-updates // a closed channel gives the zero update: the end
		return watchedMsg{u: u, updates: updates}
	}
}

// courseSent is the course a driver published, for the timer screen.
func courseSent(data []byte) timer.ReloadedMsg {
	c, err := store.DecodeCourse(data)
	if errors.Is(err, store.ErrNoCourse) {
		return timer.ReloadedMsg{Gone: true}
	}
	return timer.ReloadedMsg{Course: c, Err: err}
}

// remote asks the driver followed to perform a, for a key pressed on the
// view.
func (w *watcher) remote(a schedule.Action) tea.Cmd {
	w.mu.Lock()
	socket := w.socket
	w.mu.Unlock()
	return func() tea.Msg {
		if socket == "" {
			return timer.RemoteDoneMsg{Err: errors.New("the icetimer that drives the course cannot be reached from here: change it there")}
		}
		r, err := control.Do(context.Background(), socket, session.RequestFor(a, fmt.Sprintf("the view in process %d", os.Getpid())))
		if err == nil {
			err = r.Err()
		}
		return timer.RemoteDoneMsg{Said: r.Said, Err: err}
	}
}

// watched handles the messages of following a driver; handled is false
// for any other message.
func (m Model) watched(msg tea.Msg) (_ Model, _ tea.Cmd, handled bool) {
	switch msg := msg.(type) {
	case watchingMsg:
		m.watch.follow(msg.holder.Socket)
		m.timer, _ = m.timer.Update(timer.DriverMsg{ReadOnly: words.ReadOnly(msg.holder.PID, msg.holder.Command)})
		return m, next(msg.updates), true
	case watchedMsg:
		if msg.u.Course != nil {
			m.timer, _ = m.timer.Update(courseSent(msg.u.Course))
			return m, next(msg.updates), true
		}
		// The stream ended: a driver that died leaves the lock free at
		// once, and this screen takes over; after a goodbye the next
		// driver is on its way, and is left the lock for a while.
		m.watch.follow("")
		var leave time.Duration
		if msg.u.Bye {
			leave = m.watch.handOverWait
		}
		return m, m.watch.find(0, leave), true
	case polledMsg:
		m.timer, _ = m.timer.Update(msg.course)
		if msg.readOnly != "" {
			m.timer, _ = m.timer.Update(timer.DriverMsg{ReadOnly: msg.readOnly})
		}
		return m, m.watch.find(timer.ReloadEvery, 0), true
	}
	return m, nil, false
}

// takeOver makes the screen drive the course it took: the saved course
// resumed, its missed changes told, reminders from now on.
func (m Model) takeOver(took tookOverMsg) (Model, tea.Cmd) {
	connect(took.session)(&m)
	WithHistory(took.history)(&m)
	cfg := m.timerCfg
	cfg.ReadOnly, cfg.Remote = "", nil
	m.watch = nil
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
	return background.Args(background.Reminding{Repeat: m.timerCfg.Repeat, Sound: m.sound, Voice: m.voice, KeepAwake: m.keepAwake})
}
