// Package timer is the timer screen: what to do now and for how long, read
// off the course and the clock once a second.
package timer

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/ui/bigtext"
	"github.com/icetimer/icetimer/internal/words"
)

// ExtendBy is how much the extend key adds to the current phase, and the
// shorten key takes off.
const ExtendBy = schedule.DefaultAmount

// bannerFor is how long the banner announcing a change stays up.
const bannerFor = time.Minute

// ReloadEvery is how often a read-only screen reads the saved course again
// when the process that drives it serves no control socket.
const ReloadEvery = 2 * time.Second

// hintFor is how long a read-only screen points out, after a key that would
// change the course, that the course is changed elsewhere.
const hintFor = 4 * time.Second

// Config connects the screen to the rest of the program. Every field is
// optional.
type Config struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Save is called with the course after every event the person adds; its
	// command does the saving. A failure should come back as an ErrorMsg.
	Save func(schedule.Course) tea.Cmd
	// Notify is called with every Announcement a tick makes; its command
	// sends the desktop reminder.
	Notify func(Announcement) tea.Cmd
	// Steps says how far the wall clock stepped, up to the reading given,
	// since it was last asked (session.Stepped): a driving screen shifts
	// its course by it, so that a phase lasts the time lived, and saves
	// it. Nil: never.
	Steps func(wall time.Time) time.Duration
	// Remote, for a read-only screen, asks the process that drives the
	// course to perform an action (the control socket): the keys that
	// change the course go through it, and its command answers a
	// RemoteDoneMsg. Nil: those keys only point to the driving process.
	Remote func(schedule.Action) tea.Cmd
	// Repeat is how often a "remove the pack" reminder repeats until the
	// person acknowledges it; zero means remind.DefaultRepeat, negative
	// never.
	Repeat time.Duration
	// Since is the instant from which transitions are announced; zero means
	// from the moment the screen is made. A resumed course passes the instant
	// its last reminder was sent, so the changes missed meanwhile are told.
	Since time.Time
	// ReadOnly, when not empty, makes the screen a view of a course another
	// process drives; it is the line saying which process. Keys that would
	// change the course only point there, Save and Notify are never called,
	// and changes ring no bell: the driving process reminds of them.
	ReadOnly string
	// History is the courses that ended today (or later), for the count of
	// today's applications, which the running course adds to.
	History []store.Record
	// AdviceHistory is what the advice reads of the last weeks' courses
	// (report.ReadEarlier), so that each piece of advice is said once, not
	// once a day.
	AdviceHistory advice.History
	// HeatHistory is the courses of the last two weeks, for the line on
	// daily heat (report.HeatLineDue).
	HeatHistory []store.Record
	// Notice is a quiet line at the foot of the screen, the first to go when
	// the window is short (the disclaimer, on first run).
	Notice string
	// ASCII draws with ASCII characters only, for terminals and locales
	// without Unicode (TERM=dumb, LANG=C).
	ASCII bool
}

// Announcement is the changes a tick found to tell of.
type Announcement struct {
	Course schedule.Course
	// Transitions are the changes, oldest first (at least one).
	Transitions []schedule.Transition
	// State is the course after them.
	State schedule.State
	// Through is the instant every change before which has now been told:
	// what to record as announced once the reminder is out.
	Through time.Time
	// Repeat is 0 for a first telling, n for the n-th repeat of the
	// reminder of Transitions[0], which waits for the person.
	Repeat int
}

// RequestMsg is a change asked from elsewhere (another terminal, a
// read-only view's key, the notification's button) of the course this
// screen drives. Apply performs it on the course through the engine's one
// rule and saves it (session.Handle), answering the asker: the course after
// it, or the course as it was and why not.
type RequestMsg struct {
	Action schedule.Action
	// From says who asked, fit to print after "from".
	From  string
	Apply func(schedule.Course) (schedule.Course, error)
}

// RemoteDoneMsg is what the driving process answered to an action a
// read-only screen asked of it (Config.Remote): what it did, or why not.
type RemoteDoneMsg struct {
	Said string
	Err  error
}

// ErrorMsg puts a line on the screen about something that went wrong
// elsewhere, such as "saving failed: disk full". A nil Err clears it.
type ErrorMsg struct{ Err error }

// DriverMsg says which process drives the course a read-only screen
// shows, after a hand-over: its read-only line.
type DriverMsg struct{ ReadOnly string }

// ReloadedMsg is the course of a read-only screen as the driving process
// published it, or as read again from the saved file.
type ReloadedMsg struct {
	Course schedule.Course
	// Gone says no course is saved any more: it was stopped elsewhere.
	Gone bool
	// Err is why the course could not be read; the screen goes on showing
	// the one it read last.
	Err error
}

// Model is the timer screen.
type Model struct {
	course schedule.Course
	cfg    Config
	keys   KeyMap
	// styles are the dark or the light ones, shared by every copy of the
	// model and never changed in place (setDark takes others): the model
	// is copied at every message, and the styles are most of its size.
	styles *Styles
	dark   bool
	font   bigtext.Font
	help   help.Model
	id     int64

	width, height int
	// announcer says which changes a tick tells of, repeater which
	// reminders it tells again.
	announcer remind.Announcer
	repeater  remind.Repeater
	banner    string
	// bannerUntil is when the banner comes down.
	bannerUntil time.Time
	problem     string
	// quietProblem is the problem when it came before (seenProblems are
	// those that came): it is told again quietly.
	quietProblem string
	seenProblems []string
	confirming   bool
	// quitting asks whether reminders go on in the background; background
	// is the answer, and dropped the answer no.
	quitting, background, dropped bool
	// checkIn offers a one-key pain score after a pack came off.
	checkIn bool
	// advice is the line of advice a check-in called for, up until
	// adviceUntil; offerNext says the n key moves to the next stage.
	advice      string
	adviceUntil time.Time
	offerNext   bool
	// asking says the went-on question is asked; typed is the answer so far.
	asking bool
	typed  string
	// gone says there is no course to show (see New).
	gone bool
	// hintUntil is when the read-only line stops pointing to the driving
	// process.
	hintUntil time.Time
	// packOn is the skin check's, the put-on's and the heat line's state.
	packOn packOn

	slow        slowFacts
	shownScreen screen
	layout      layout
	content     string
}

// New makes the screen for course c. A zero c (no Start) is no course, for a
// read-only screen opened before the driving process has started one.
func New(c schedule.Course, cfg Config) Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.ReadOnly != "" {
		cfg.Save, cfg.Notify = nil, nil
	}
	m := Model{course: c, gone: c.Start.IsZero(), cfg: cfg, keys: DefaultKeyMap(), help: help.New(), id: nextID()}
	m.setDark(true)
	if cfg.ASCII {
		m.font = bigtext.ASCII
		m.help.ShortSeparator, m.help.FullSeparator, m.help.Ellipsis = " | ", "   ", "..."
	}
	since := cfg.Since
	if since.IsZero() {
		since = m.now()
	}
	m.announcer = remind.NewAnnouncer(since)
	every := cfg.Repeat
	if every == 0 {
		every = remind.DefaultRepeat
	}
	m.repeater = remind.NewRepeater(every, since)
	return m
}

// setDark takes the styles for a dark background or a light one: until the
// terminal answers Bubble Tea's background colour query, dark, the most
// common.
func (m *Model) setDark(dark bool) {
	m.dark = dark
	styles := DefaultStyles(dark)
	m.styles = &styles
	m.help.Styles = m.styles.Help
}

// Course is the course with every event added so far.
func (m Model) Course() schedule.Course { return m.course }

// State is the course now; the zero State when there is none (Gone).
func (m Model) State() schedule.State {
	if m.gone {
		return schedule.State{}
	}
	return m.course.StateAt(m.now())
}

// Gone reports whether there is no course to show: a read-only screen whose
// course was stopped elsewhere, or not started yet.
func (m Model) Gone() bool { return m.gone }

func (m Model) now() time.Time { return m.cfg.Now().Round(0) }

// Init starts the ticks, which announce what was missed since Config.Since,
// and the reloads of a read-only screen.
func (m Model) Init() tea.Cmd {
	// The first tick comes at once; each tick schedules the next.
	return tea.Batch(func() tea.Msg { return TickMsg{ID: m.id} }, m.standingAdvice())
}

// reloaded takes the course read again.
func (m Model) reloaded(msg ReloadedMsg) Model {
	m.problem = ""
	switch {
	case msg.Err != nil:
		m.problem = "cannot read the course again: " + msg.Err.Error()
	case msg.Gone:
		m.gone = true
	default:
		m.gone = false
		m.course = msg.Course
	}
	return m
}

// Update handles ticks, keys, resizes and errors coming back.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	// One reading of the clock per message: what is announced, when the next
	// tick comes and what is drawn all agree, even across a second boundary.
	now := m.now()
	switch msg := msg.(type) {
	case TickMsg:
		if msg.ID != m.id {
			return m, nil
		}
		var look, repeat, packOn tea.Cmd
		m, look = m.look(now)
		m, repeat = m.repeat(now)
		m, packOn = m.whilePackOn(now)
		cmd = tea.Batch(look, repeat, packOn, tick(m.id, now))
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
	case tea.BackgroundColorMsg:
		m.setDark(msg.IsDark())
	case tea.KeyPressMsg:
		m, cmd = m.key(msg)
	case RequestMsg:
		m, cmd = m.request(msg, now)
	case RemoteDoneMsg:
		m.problem = ""
		if msg.Err != nil {
			m.problem = msg.Err.Error()
		} else {
			m.banner, m.bannerUntil = words.Shown(msg.Said), now.Add(bannerFor)
		}
	case ReloadedMsg:
		m = m.reloaded(msg)
	case DriverMsg:
		m.cfg.ReadOnly = msg.ReadOnly
	case ErrorMsg:
		m = m.showProblem(msg.Err)
	case AdviceMsg:
		m = m.advised(msg, now)
	default:
		return m, nil
	}
	m.refresh(now)
	return m, cmd
}

// look brings the course up to the reading now: shifted by a step of the
// wall clock up to it, then the changes due announced. A tick, a key and a
// request from elsewhere all look so: a stepped clock judged against a
// course not yet moved would have a step back tell changes again.
func (m Model) look(now time.Time) (Model, tea.Cmd) {
	m, shift := m.shift(now)
	m, announce := m.announce(now)
	return m, tea.Batch(shift, announce)
}

// shift moves the course by the step of the wall clock, when it stepped:
// its phases last the time lived (see session.Stepped).
func (m Model) shift(now time.Time) (Model, tea.Cmd) {
	if m.cfg.Steps == nil || m.cfg.ReadOnly != "" || m.gone {
		return m, nil
	}
	d := m.cfg.Steps(now)
	if d == 0 {
		return m, nil
	}
	m.course = m.course.Shifted(d)
	m.announcer.Shift(d)
	m.repeater.Shift(d)
	m.packOn.skin.Shift(d)
	m.banner, m.bannerUntil = words.ClockStepped(d), now.Add(bannerFor)
	return m, m.save()
}

// announce looks for transitions since the last one handled: a banner and
// one bell for them all, and the Notify hook.
func (m Model) announce(now time.Time) (Model, tea.Cmd) {
	if m.gone {
		// A course that appears later is told of from then on.
		m.announcer = remind.NewAnnouncer(now)
		return m, nil
	}
	ts := m.announcer.Due(m.course, now)
	if len(ts) == 0 {
		return m, nil
	}
	last := ts[len(ts)-1]
	m = m.offerCheckIn(last)
	m.banner = words.ChangeBanner(ts, now.Location())
	m.bannerUntil = now.Add(bannerFor)
	m.repeater.Told(now)
	var cmds []tea.Cmd
	if m.cfg.ReadOnly == "" {
		cmds = append(cmds, tea.Raw("\a"))
	}
	if m.cfg.Notify != nil {
		cmds = append(cmds, m.cfg.Notify(Announcement{Course: m.course, Transitions: ts, State: m.course.StateAt(now), Through: m.announcer.Handled()}))
	}
	return m, tea.Batch(cmds...)
}

// repeat tells again the reminder that waits for the person, when one is
// due: the bell, a banner and the Notify hook, as for a change. A
// read-only screen leaves that to the driving process.
func (m Model) repeat(now time.Time) (Model, tea.Cmd) {
	if m.gone || m.cfg.ReadOnly != "" {
		return m, nil
	}
	t, n, due := m.repeater.Due(m.course, now)
	if !due {
		return m, nil
	}
	m.banner = words.RemindedAgain(words.Clock(now))
	m.bannerUntil = now.Add(bannerFor)
	cmds := []tea.Cmd{tea.Raw("\a")}
	if m.cfg.Notify != nil {
		cmds = append(cmds, m.cfg.Notify(Announcement{Course: m.course, Transitions: []schedule.Transition{t},
			State: m.course.StateAt(now), Through: m.announcer.Handled(), Repeat: n}))
	}
	return m, tea.Batch(cmds...)
}

// quit ends the screen; while this screen drives a course that still
// runs, it first asks whether reminders go on in the background, so that
// quitting never silently stops them.
func (m Model) quit() (Model, tea.Cmd) {
	if m.cfg.ReadOnly != "" || m.gone || m.State().Done || m.cfg.Save == nil {
		return m, tea.Quit
	}
	m.confirming, m.quitting = false, true
	return m, nil
}

// Background reports whether the person quit choosing to keep reminding in
// the background.
func (m Model) Background() bool { return m.background }

// Dropped reports whether the person quit choosing no more reminders while
// the course runs.
func (m Model) Dropped() bool { return m.dropped }

// key handles one key press. Every change to the course is an event at the
// whole second, saved at once.
func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	m.banner = ""
	if m.quitting {
		switch {
		case key.Matches(msg, m.keys.Background):
			m.background = true
			return m, tea.Quit
		case key.Matches(msg, m.keys.NoReminders):
			m.dropped = true
			return m, tea.Quit
		case key.Matches(msg, m.keys.Stay):
			m.quitting = false
		}
		return m, nil
	}
	if m.confirming {
		switch {
		case key.Matches(msg, m.keys.Confirm):
			m.confirming = false
			return m.do(schedule.Action{Verb: schedule.VerbStop})
		case key.Matches(msg, m.keys.Cancel):
			m.confirming = false
		case key.Matches(msg, m.keys.Quit):
			return m.quit()
		}
		return m, nil
	}
	if m.asking {
		return m.answerWentOn(msg)
	}
	if m.checkIn {
		if m, cmd, handled := m.checkInKey(msg); handled {
			return m, cmd
		}
	}
	if m, cmd, handled := m.skinKey(msg); handled {
		return m, cmd
	}
	if m.offerNext && msg.Text == "n" {
		return m.nextStageKey()
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m.quit()
	case key.Matches(msg, m.keys.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m, nil
	}
	if m.cfg.ReadOnly != "" && m.cfg.Remote == nil && m.keys.changesCourse(msg) {
		m.hintUntil = m.now().Add(hintFor)
		return m, nil
	}
	if m.gone {
		return m, nil
	}
	s := m.State()
	if s.Done {
		return m, nil
	}
	if a, ok := m.keys.Action(msg, s); ok {
		return m.do(a)
	}
	switch {
	case key.Matches(msg, m.keys.Stop):
		m.confirming = true
	case key.Matches(msg, m.keys.Pain):
		m.checkIn = true
	case key.Matches(msg, m.keys.WentOn):
		return m.askWentOn(s)
	}
	return m, nil
}

// do performs action a now and saves the course; a refusal is shown as a
// line, the course left as it was.
func (m Model) do(a schedule.Action) (Model, tea.Cmd) {
	if m.cfg.ReadOnly != "" {
		if m.cfg.Remote == nil {
			return m, nil
		}
		return m, m.cfg.Remote(a) // the driving process applies it
	}
	m, cmd, err := m.try(a)
	if err != nil {
		m.problem = err.Error()
	}
	return m, cmd
}

// try performs action a now through the engine's one rule for every action
// (schedule.Course.Do) and saves the course, or says why not. Changes due
// before it are announced first, so the action's own change (which the
// person just saw happen) is not.
func (m Model) try(a schedule.Action) (Model, tea.Cmd, error) {
	now := m.now()
	m, announce := m.look(now)
	next, err := m.course.Do(a, now)
	if err != nil {
		return m, announce, err
	}
	m = m.adopt(next, now)
	return m, tea.Batch(announce, m.save()), nil
}

// request performs a change asked from elsewhere, as a key would, and
// says on the banner what it did and who asked. A refusal goes back to the
// asker only: nobody here pressed anything.
func (m Model) request(r RequestMsg, now time.Time) (Model, tea.Cmd) {
	m, announce := m.look(now)
	next, err := r.Apply(m.course)
	if err != nil {
		return m, announce
	}
	m = m.adopt(next, now)
	m.banner, m.bannerUntil = words.Banner(words.Did(r.Action, next, now), r.From), now.Add(bannerFor)
	return m, announce
}

// adopt makes next, the course after an action at now, the one shown: the
// line of an earlier refusal goes, and the reminder that waited may have
// been answered.
func (m Model) adopt(next schedule.Course, now time.Time) Model {
	m.course = next
	m.problem = ""
	return m
}

// save is the command that saves the course; nil for a screen that saves
// nothing.
func (m Model) save() tea.Cmd {
	if m.cfg.Save == nil {
		return nil
	}
	return m.cfg.Save(m.course)
}

// View is the frame drawn by the last Update.
func (m Model) View() tea.View {
	v := tea.NewView(m.content)
	v.AltScreen = true
	s := m.shownScreen
	v.WindowTitle = "icetimer: " + s.headline()
	if s.kind != schedule.Done && !s.gone && s.kind != "" {
		// The title changes with the big digits, once a minute, not every
		// second: a title is rewritten whole each time.
		v.WindowTitle = words.TitleLeft(s.headline(), words.BigLeft(s.remaining))
	}
	return v
}
