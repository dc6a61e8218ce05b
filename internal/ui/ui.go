// Package ui is icetimer's terminal screens: the picker that starts a course
// and the timer screen that runs it.
package ui

import (
	"os"
	"os/exec"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/safetext"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/ui/picker"
	"github.com/icetimer/icetimer/internal/ui/timer"
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

// WithNotify is called with every announcement the timer screen makes; its
// command sends the desktop reminder.
func WithNotify(notify func(timer.Announcement) tea.Cmd) Option {
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
// an error); it is made safe to print (safetext.Safe).
func WithNotice(text string) Option {
	text = safetext.Safe(text)
	return func(m *Model) {
		if m.pickerCfg.Footnote != "" {
			text = m.pickerCfg.Footnote + "\n" + text
		}
		m.pickerCfg.Footnote = text
	}
}

// WithPresets lists presets in the picker: the built-in ones and the
// person's own, from their config file.
func WithPresets(presets []schedule.Preset) Option {
	return func(m *Model) { m.pickerCfg.Presets = presets }
}

// WithQuiet makes quiet the picker's default quiet hours, as the config
// file sets them ("HH:MM-HH:MM" or "off").
func WithQuiet(quiet string) Option {
	return func(m *Model) { m.pickerCfg.Quiet = quiet }
}

// WithSkinCheck gives the courses started in the picker the skin check d
// (0: none), as the config file sets it.
func WithSkinCheck(d time.Duration) Option {
	return func(m *Model) { m.pickerCfg.SkinCheck = d }
}

// WithSafetyCheck offers the safety questions in the picker before the
// first course: its c key runs check (`icetimer check`) on the terminal,
// the picker suspended meanwhile; said is then what came of them, in a
// line for under the list.
func WithSafetyCheck(check *exec.Cmd, said func() string) Option {
	return func(m *Model) {
		m.pickerCfg.SafetyCheck = tea.ExecProcess(check, func(err error) tea.Msg { return picker.CheckedMsg{Said: said(), Err: err} })
	}
}

// WithReminders sets how often a "remove the pack" reminder repeats until
// acknowledged (negative never, see timer.Config.Repeat) and whether chimes
// play: what a background run keeps on after the screen (BackgroundArgs).
func WithReminders(every time.Duration, sound bool) Option {
	return func(m *Model) { m.timerCfg.Repeat, m.sound = every, sound }
}

// WithVoice says whether the reminders are said aloud: what a background
// run keeps on after the screen (BackgroundArgs).
func WithVoice(on bool) Option {
	return func(m *Model) { m.voice = on }
}

// WithKeepAwake says whether the session keeps the computer awake while a
// pack is on (keep_awake, --keep-awake): a background run keeps it on
// after the screen (BackgroundArgs).
func WithKeepAwake(on bool) Option {
	return func(m *Model) { m.keepAwake = on }
}

// WithSince announces the transitions since t when the timer opens (a
// resumed course: what was missed while icetimer was not running).
func WithSince(t time.Time) Option {
	return func(m *Model) { m.timerCfg.Since = t }
}

// WithHistory gives what was read of history (report.ReadEarlier): the
// courses that ended today join today's count of applications, and the
// advice a check-in calls for reads the weeks before.
func WithHistory(h report.Earlier) Option {
	return func(m *Model) {
		m.timerCfg.History, m.timerCfg.AdviceHistory, m.timerCfg.HeatHistory = h.Today, h.Advice, h.Heat
	}
}

// Model is the program's top model: the picker until a course starts, then
// the timer screen.
type Model struct {
	pickerCfg picker.Config
	timerCfg  timer.Config
	picking   bool
	// picker is behind a pointer because it is big (90 kB, mostly text
	// inputs) and a Model is copied and boxed on every message.
	picker *picker.Model
	timer  timer.Model
	size   tea.WindowSizeMsg
	// background is the terminal's answer to the background colour query,
	// passed on to a timer screen opened after it came.
	background *tea.BackgroundColorMsg
	// session drives the course (see Session).
	session *session.Session
	// sound says chimes play (WithReminders), voice that reminders are
	// said aloud (WithVoice), keepAwake that the computer is kept awake
	// (WithKeepAwake).
	sound, voice, keepAwake bool
	// watch follows the driver of a course shown read-only (WithWatch).
	watch *watcher
	// handOver says the screen is closing without the person's word (its
	// terminal closed, a signal): the course it drives goes to a background
	// run, as "keep reminding" does.
	handOver bool
}

// HandOverMsg tells the screen to close without the person's word: its
// terminal closed (SIGHUP) or the system asks it to end (SIGTERM). A
// screen that drives a running course hands it to a background run, as
// "keep reminding" does: nothing ends a course's reminders by accident.
type HandOverMsg struct{}

// New opens the picker.
func New(opts ...Option) Model {
	m := configure(opts)
	m.picking = true
	m.picker = newPicker(m.pickerCfg)
	return m
}

// newPicker is picker.New on the heap; never inlined, for the reason
// updatePicker is not.
//
//go:noinline
func newPicker(cfg picker.Config) *picker.Model {
	p := picker.New(cfg)
	return &p
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
	m.timerCfg.ASCII = ASCIIOnly(os.Getenv)
	m.pickerCfg.ASCII = m.timerCfg.ASCII
	for _, o := range opts {
		o(&m)
	}
	return m
}

// Picking reports whether the picker is showing.
func (m Model) Picking() bool { return m.picking }

// KeepReminding reports whether the screen closed with the course it
// drives to go on reminding in the background: the person quit choosing
// it, or the screen was closed without their word (HandOverMsg) while the
// course runs.
func (m Model) KeepReminding() bool {
	return !m.picking && (m.timer.Background() || m.handOver && m.Driving())
}

// Driving reports whether this screen drives a course that still runs:
// quitting it would end that course's reminders.
func (m Model) Driving() bool {
	return !m.picking && m.session != nil && !m.timer.Gone() && !m.timer.State().Done
}

// DroppedReminders reports whether the person quit the timer screen
// choosing no more reminders while the course runs.
func (m Model) DroppedReminders() bool { return !m.picking && m.timer.Dropped() }

// Timer is the timer screen (zero while picking).
func (m Model) Timer() timer.Model { return m.timer }

// Init starts the screen showing and asks the terminal for its background
// colour, to choose light or dark styles.
func (m Model) Init() tea.Cmd {
	if m.picking {
		return tea.Batch(m.picker.Init(), tea.RequestBackgroundColor, waitTrouble(m.session), waitRequest(m.session))
	}
	return tea.Batch(m.timer.Init(), tea.RequestBackgroundColor, waitTrouble(m.session), waitRequest(m.session), m.watchInit())
}

// Update passes messages to the screen showing; a chosen course opens the
// timer screen, saved at once.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.size = msg
	case tea.BackgroundColorMsg:
		m.background = &msg
	}
	if _, ok := msg.(HandOverMsg); ok {
		m.handOver = true
		return m, tea.Quit
	}
	if took, ok := msg.(tookOverMsg); ok {
		m, cmd := m.takeOver(took)
		return m, tea.Batch(cmd, waitTrouble(m.session), waitRequest(m.session))
	}
	if m, cmd, handled := m.watched(msg); handled {
		return m, cmd
	}
	if req, ok := msg.(timer.RequestMsg); ok {
		var cmd tea.Cmd
		if m.picking {
			_, _ = req.Apply(schedule.Course{}) // no course yet: refused
		} else {
			m.timer, cmd = m.timer.Update(req)
		}
		return m, tea.Batch(cmd, waitRequest(m.session))
	}
	if trouble, ok := msg.(troubleMsg); ok {
		// Shown on the timer screen like any problem elsewhere; the next waits.
		msg = timer.ErrorMsg{Err: trouble.err}
		m.timer, _ = m.timer.Update(msg)
		return m, waitTrouble(m.session)
	}
	if start, ok := msg.(picker.StartMsg); ok && m.picking {
		m.picking = false
		// A new course's first phase is announced, as `run` announces it.
		cfg := m.timerCfg
		cfg.Since = start.Course.Start
		m.timer = timer.New(start.Course, cfg)
		if m.background != nil {
			m.timer, _ = m.timer.Update(*m.background)
		}
		m.timer, _ = m.timer.Update(m.size)
		var save tea.Cmd
		if m.timerCfg.Save != nil {
			save = m.timerCfg.Save(start.Course)
		}
		return m, tea.Batch(m.timer.Init(), save)
	}
	var cmd tea.Cmd
	if m.picking {
		cmd = m.updatePicker(msg)
	} else {
		m.timer, cmd = m.timer.Update(msg)
	}
	return m, cmd
}

// updatePicker gives msg to a new picker: the old Model keeps its own. It
// is a function of its own, never inlined, because a picker is copied by
// value through its methods: inlined, those copies would make every
// Update's stack frame hundreds of kilobytes, the timer screen's too.
//
//go:noinline
func (m *Model) updatePicker(msg tea.Msg) tea.Cmd {
	p, cmd := m.picker.Update(msg)
	m.picker = &p
	return cmd
}

// View draws the screen showing.
func (m Model) View() tea.View {
	if !m.picking {
		return m.timer.View()
	}
	return m.pickerView()
}

// pickerView is the picker's view; never inlined, for the reason
// updatePicker is not.
//
//go:noinline
func (m *Model) pickerView() tea.View {
	v := tea.NewView(m.picker.View())
	v.AltScreen = true
	v.WindowTitle = "icetimer"
	return v
}
