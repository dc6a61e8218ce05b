// Package ui is icetimer's terminal screens: the picker that starts a course
// and the timer screen that runs it.
package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui/picker"
	"github.com/icetimer/icetimer/internal/ui/timer"
	"github.com/icetimer/icetimer/internal/words"
)

// Disclaimer is shown under the picker on first run, and in the command
// line's help, in the words of the README.
const Disclaimer = "icetimer is a reminder timer, not a medical device or medical advice."

// Option configures the program's screens.
type Option func(*Model)

// WithClock replaces time.Now, for tests.
func WithClock(now func() time.Time) Option {
	return func(m *Model) { m.timerCfg.Now, m.pickerCfg.Now = now, now }
}

// WithSave is called with the course when it starts and after every event;
// its command saves it. A failure should come back as a timer.ErrorMsg.
func WithSave(save func(schedule.Course) tea.Cmd) Option {
	return func(m *Model) { m.timerCfg.Save = save }
}

// WithNotify is called with the course, the transitions each tick finds and
// the state after them; its command sends the desktop reminder.
func WithNotify(notify func(schedule.Course, []schedule.Transition, schedule.State) tea.Cmd) Option {
	return func(m *Model) { m.timerCfg.Notify = notify }
}

// WithDisclaimer shows Disclaimer under the picker and at the foot of the
// timer screen (on first run, however it starts).
func WithDisclaimer() Option {
	return func(m *Model) {
		WithNotice(Disclaimer)(m)
		m.timerCfg.Notice = Disclaimer
	}
}

// WithNotice adds a line under the picker, such as why the saved course
// could not be resumed. The text may hold what came from outside (a path,
// an error); it is made safe to print (words.Safe).
func WithNotice(text string) Option {
	text = words.Safe(text)
	return func(m *Model) {
		if m.pickerCfg.Footnote != "" {
			text = m.pickerCfg.Footnote + "\n" + text
		}
		m.pickerCfg.Footnote = text
	}
}

// WithSince announces the transitions since t when the timer opens (a
// resumed course: what was missed while icetimer was not running).
func WithSince(t time.Time) Option {
	return func(m *Model) { m.timerCfg.Since = t }
}

// WithHistory gives the courses that ended today, which the timer screen
// counts in today's applications with the running course.
func WithHistory(records []store.Record) Option {
	return func(m *Model) { m.timerCfg.History = records }
}

// WithReadOnly makes the timer screen a view of a course another process
// drives: line says which process, and reload's command reads the course
// again (answering a timer.ReloadedMsg) every timer.ReloadEvery.
func WithReadOnly(line string, reload tea.Cmd) Option {
	return func(m *Model) { m.timerCfg.ReadOnly, m.timerCfg.Reload = line, reload }
}

// Model is the program's top model: the picker until a course starts, then
// the timer screen.
type Model struct {
	pickerCfg picker.Config
	timerCfg  timer.Config
	picking   bool
	picker    picker.Model
	timer     timer.Model
	size      tea.WindowSizeMsg
}

// New opens the picker.
func New(opts ...Option) Model {
	m := configure(opts)
	m.picking = true
	m.picker = picker.New(m.pickerCfg)
	return m
}

// NewTimer opens the timer screen on course c, skipping the picker. A zero c
// is no course (see timer.New).
func NewTimer(c schedule.Course, opts ...Option) Model {
	m := configure(opts)
	m.timer = timer.New(c, m.timerCfg)
	return m
}

func configure(opts []Option) Model {
	var m Model
	for _, o := range opts {
		o(&m)
	}
	return m
}

// Picking reports whether the picker is showing.
func (m Model) Picking() bool { return m.picking }

// Timer is the timer screen (zero while picking).
func (m Model) Timer() timer.Model { return m.timer }

// Init starts the screen showing.
func (m Model) Init() tea.Cmd {
	if m.picking {
		return m.picker.Init()
	}
	return m.timer.Init()
}

// Update passes messages to the screen showing; a chosen course opens the
// timer screen, saved at once.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if size, ok := msg.(tea.WindowSizeMsg); ok {
		m.size = size
	}
	if start, ok := msg.(picker.StartMsg); ok && m.picking {
		m.picking = false
		// A new course's first phase is announced, as `run` announces it.
		cfg := m.timerCfg
		cfg.Since = start.Course.Start
		m.timer = timer.New(start.Course, cfg)
		m.timer, _ = m.timer.Update(m.size)
		var save tea.Cmd
		if m.timerCfg.Save != nil {
			save = m.timerCfg.Save(start.Course)
		}
		return m, tea.Batch(m.timer.Init(), save)
	}
	var cmd tea.Cmd
	if m.picking {
		m.picker, cmd = m.picker.Update(msg)
	} else {
		m.timer, cmd = m.timer.Update(msg)
	}
	return m, cmd
}

// View draws the screen showing.
func (m Model) View() tea.View {
	if !m.picking {
		return m.timer.View()
	}
	v := tea.NewView(m.picker.View())
	v.AltScreen = true
	v.WindowTitle = "icetimer"
	return v
}
