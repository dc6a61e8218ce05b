// Package picker is the screen that starts a course: a preset or a custom
// cycle, then its window and quiet hours.
package picker

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// The smallest window the picker is drawn in; a smaller one is told so.
const (
	MinWidth  = 40
	MinHeight = 12
)

// StartMsg is sent when the person has chosen: the course starts now.
type StartMsg struct{ Course schedule.Course }

// Config sets up the picker; every field is optional.
type Config struct {
	// Now is the clock; nil means time.Now. Its location is where quiet
	// hours are read.
	Now func() time.Time
	// Footnote is shown under the list (the disclaimer, on first run).
	Footnote string
	// ASCII draws with ASCII characters only (TERM=dumb, LANG=C).
	ASCII bool
	// Replacing, when not empty, names the course that is running: the
	// picker asks before a new course replaces it.
	Replacing string
	// Presets are listed before the custom cycle; nil means
	// schedule.Presets(). The config file's own presets come this way.
	Presets []schedule.Preset
	// Quiet is the quiet hours offered first ("HH:MM-HH:MM" or "off");
	// empty means 23:00-07:00. The config file's setting comes this way.
	Quiet string
	// SkinCheck is the skin check of the courses started here (0: none);
	// the config file's setting comes this way.
	SkinCheck time.Duration
	// SafetyCheck, when not nil, is offered before the first course: a
	// line under the list says so, and the c key runs it; its answer, a
	// CheckedMsg, takes the line away.
	SafetyCheck tea.Cmd
}

// CheckedMsg says the safety questions offered (Config.SafetyCheck) were
// asked: Said is what came of them, in a line for under the list; Err is
// why they could not be asked.
type CheckedMsg struct {
	Said string
	Err  error
}

// field is a line of the settings form.
type field int

const (
	fieldCycle field = iota
	fieldWindow
	fieldThen
	fieldQuiet
)

// Model is the picker.
type Model struct {
	cfg    Config
	keys   KeyMap
	styles Styles
	list   list.Model
	help   help.Model

	width, height int

	// chosen is the item whose settings are being set; nil while choosing.
	chosen *item
	focus  field
	// cycle, windowText and then are a custom course's typed fields.
	cycle, windowText, then textinput.Model
	windows                 []time.Duration
	window                  int
	quiets                  []string // the quiet-hours choices, the default first
	quiet                   int
	// confirming holds the course waiting for "replace the running one?".
	confirming *schedule.Course
	// tried says enter was pressed on a form that cannot start.
	tried bool
}

// New makes the picker listing cfg.Presets and a custom cycle.
func New(cfg Config) Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	var items []list.Item
	if cfg.Presets == nil {
		cfg.Presets = schedule.Presets()
	}
	sep := " · "
	if cfg.ASCII {
		sep = " - "
	}
	for _, p := range cfg.Presets {
		items = append(items, item{preset: &p, sep: sep})
	}
	items = append(items, item{sep: sep})
	m := Model{cfg: cfg, keys: DefaultKeyMap(), help: help.New(), quiets: QuietChoices(cfg.Quiet)}
	if cfg.ASCII {
		m.keys = m.keys.ascii()
	}
	m.list = list.New(items, list.NewDefaultDelegate(), 0, 0)
	m.list.Title = "Start a course: pick a cycle"
	m.list.SetShowStatusBar(false)
	m.list.SetStatusBarItemName("cycle", "cycles")
	m.list.Filter = filter
	// The list's own quit key defaults to a letter no one would guess.
	m.list.KeyMap.Quit = key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit"))
	choose := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose"))
	m.list.AdditionalShortHelpKeys = func() []key.Binding { return []key.Binding{choose} }
	m.cycle = newInput("ice 20 min, rest 20 min")
	m.windowText = newInput("empty: until you stop; or 48h")
	m.then = newInput("empty: none; or heat 20 min, rest 20 min")
	m.SetDark(true)
	return m
}

func newInput(placeholder string) textinput.Model {
	in := textinput.New()
	in.Placeholder = placeholder
	in.Prompt = ""
	return in
}

// SetDark takes the styles for a dark background or a light one.
func (m *Model) SetDark(dark bool) {
	m.styles = DefaultStyles(dark)
	m.list.Styles = m.styles.List
	d := list.NewDefaultDelegate()
	d.Styles = m.styles.Items
	d.SetHeight(2)
	d.SetSpacing(0)
	m.list.SetDelegate(d)
	m.help.Styles = m.styles.Help
	m.list.Help.Styles = m.styles.Help
	if m.cfg.ASCII {
		m.asciiList(&d)
	}
	for _, in := range []*textinput.Model{&m.cycle, &m.windowText, &m.then} {
		in.SetStyles(m.styles.Input)
	}
}

// asciiList draws the list, its pages and its help with ASCII only.
func (m *Model) asciiList(d *list.DefaultDelegate) {
	bar := lipgloss.Border{Left: "|"}
	d.Styles.SelectedTitle = d.Styles.SelectedTitle.Border(bar, false, false, false, true)
	d.Styles.SelectedDesc = d.Styles.SelectedDesc.Border(bar, false, false, false, true)
	m.list.SetDelegate(*d)
	m.list.Paginator.ActiveDot, m.list.Paginator.InactiveDot = "*", "."
	m.list.KeyMap.CursorUp.SetHelp("up/k", "up")
	m.list.KeyMap.CursorDown.SetHelp("down/j", "down")
	m.list.KeyMap.PrevPage.SetHelp("left/h/pgup", "prev page")
	m.list.KeyMap.NextPage.SetHelp("right/l/pgdn", "next page")
	for _, h := range []*help.Model{&m.help, &m.list.Help} {
		h.ShortSeparator, h.FullSeparator, h.Ellipsis = " | ", "   ", "..."
	}
}

// Init does nothing: the picker waits for keys.
func (m Model) Init() tea.Cmd { return nil }

// Update handles keys, resizes and the terminal's background colour.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		m.SetDark(msg.IsDark())
		return m, nil
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.list.SetSize(msg.Width, max(msg.Height-m.footHeight(), 3))
		m.help.SetWidth(msg.Width)
		for _, in := range []*textinput.Model{&m.cycle, &m.windowText, &m.then} {
			in.SetWidth(max(msg.Width-16, 10))
		}
		return m, nil
	case CheckedMsg:
		m.cfg.SafetyCheck = nil
		m.cfg.Footnote = msg.Said
		if msg.Err != nil {
			m.cfg.Footnote = words.CheckFailed(msg.Err)
		}
		m.list.SetSize(m.width, max(m.height-m.footHeight(), 3))
		return m, nil
	case tea.KeyPressMsg:
		switch {
		case m.confirming != nil:
			return m.confirmKey(msg)
		case m.chosen == nil:
			return m.chooseKey(msg)
		}
		return m.formKey(msg)
	}
	if in := m.input(); in != nil {
		var cmd tea.Cmd
		*in, cmd = in.Update(msg)
		return m, cmd
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

func (m Model) chooseKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if msg.Text == "c" && m.cfg.SafetyCheck != nil && !m.list.SettingFilter() {
		return m, m.cfg.SafetyCheck
	}
	if key.Matches(msg, m.keys.Start) && !m.list.SettingFilter() {
		it, ok := m.list.SelectedItem().(item)
		if !ok {
			return m, nil
		}
		m.chosen, m.tried = &it, false
		m.windows, m.window = nil, 0
		if it.preset != nil {
			m.windows, m.window = windowChoices(it.preset)
		}
		m.quiet = 0
		return m.focusOn(m.fields()[0])
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

// confirmKey answers "replace the running course?".
func (m Model) confirmKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Confirm):
		c := *m.confirming
		m.confirming = nil
		return m, func() tea.Msg { return StartMsg{Course: c} }
	case key.Matches(msg, m.keys.Cancel), key.Matches(msg, m.keys.Back):
		m.confirming = nil
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	}
	return m, nil
}

// start starts the course the form describes, after asking when it would
// replace a running one.
func (m Model) start() (Model, tea.Cmd) {
	c, err := m.course()
	if err != nil {
		m.tried = true // the form now says what is wrong, even in an empty field
		return m, nil
	}
	if m.cfg.Replacing != "" {
		m.confirming = &c
		return m, nil
	}
	return m, func() tea.Msg { return StartMsg{Course: c} }
}

func wrap(i, n int) int { return ((i % n) + n) % n }
