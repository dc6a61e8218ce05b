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
	// Presets are listed before the custom cycle; nil means
	// schedule.Presets(). The config file's own presets come this way.
	Presets []schedule.Preset
	// Quiet is the quiet hours offered first ("HH:MM-HH:MM" or "off");
	// empty means 23:00-07:00. The config file's setting comes this way.
	Quiet string
}

// field is a line of the settings form.
type field int

const (
	fieldCycle field = iota
	fieldWindow
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
	chosen  *item
	focus   field
	cycle   textinput.Model
	windows []time.Duration
	window  int
	quiets  []string // the quiet-hours choices, the default first
	quiet   int
}

// New makes the picker listing cfg.Presets and a custom cycle.
func New(cfg Config) Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Presets == nil {
		cfg.Presets = schedule.Presets()
	}
	var items []list.Item
	for _, p := range cfg.Presets {
		items = append(items, item{preset: &p})
	}
	items = append(items, item{})
	d := list.NewDefaultDelegate()
	d.SetHeight(3)
	m := Model{cfg: cfg, keys: DefaultKeyMap(), styles: DefaultStyles(), help: help.New(), quiets: QuietChoices(cfg.Quiet)}
	m.list = list.New(items, d, 0, 0)
	m.list.Title = "Start a course: pick a cycle"
	m.list.SetFilteringEnabled(false)
	m.list.SetShowStatusBar(false)
	m.list.Styles = m.styles.List
	// The list's own quit key defaults to a letter no one would guess.
	m.list.KeyMap.Quit = key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit"))
	choose := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose"))
	m.list.AdditionalShortHelpKeys = func() []key.Binding { return []key.Binding{choose} }
	m.cycle = textinput.New()
	m.cycle.Placeholder = "ice 20m, rest 20m"
	m.cycle.Prompt = ""
	return m
}

// Init does nothing: the picker waits for keys.
func (m Model) Init() tea.Cmd { return nil }

// Update handles keys and resizes.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.list.SetSize(msg.Width, max(msg.Height-lipgloss.Height(m.footnote()), 3))
		m.help.SetWidth(msg.Width)
		m.cycle.SetWidth(max(msg.Width-16, 10))
		return m, nil
	case tea.KeyPressMsg:
		if m.chosen == nil {
			return m.chooseKey(msg)
		}
		return m.formKey(msg)
	}
	if m.chosen != nil && m.focus == fieldCycle {
		var cmd tea.Cmd
		m.cycle, cmd = m.cycle.Update(msg)
		return m, cmd
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

func (m Model) chooseKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Start) {
		it, ok := m.list.SelectedItem().(item)
		if !ok {
			return m, nil
		}
		m.chosen = &it
		m.windows, m.window = windowChoices(it.preset)
		m.quiet = 0
		m.focus = m.firstField()
		if m.focus == fieldCycle {
			return m, m.cycle.Focus()
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return m, cmd
}

func (m Model) formKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(msg, m.keys.Back):
		m.chosen = nil
		m.cycle.Blur()
		return m, nil
	case key.Matches(msg, m.keys.Start):
		c, err := m.course()
		if err != nil {
			return m, nil
		}
		return m, func() tea.Msg { return StartMsg{Course: c} }
	case key.Matches(msg, m.keys.Next):
		return m.move(1)
	case key.Matches(msg, m.keys.Prev):
		return m.move(-1)
	case m.focus != fieldCycle && key.Matches(msg, m.keys.Change):
		step := 1
		if msg.String() == "left" {
			step = -1
		}
		if m.focus == fieldWindow {
			m.window = wrap(m.window+step, len(m.windows))
		} else {
			m.quiet = wrap(m.quiet+step, len(m.quiets))
		}
		return m, nil
	case m.focus == fieldCycle:
		var cmd tea.Cmd
		m.cycle, cmd = m.cycle.Update(msg)
		return m, cmd
	}
	return m, nil
}

// firstField is the form's first line: the cycle for a custom one, else the
// window if there is one to choose.
func (m Model) firstField() field {
	switch {
	case m.chosen.preset == nil:
		return fieldCycle
	case len(m.windows) > 0:
		return fieldWindow
	}
	return fieldQuiet
}

// move focuses the next or previous line of the form.
func (m Model) move(step int) (Model, tea.Cmd) {
	first := int(m.firstField())
	n := int(fieldQuiet) - first + 1
	m.focus = field(first + wrap(int(m.focus)-first+step, n))
	if m.focus == fieldCycle {
		return m, m.cycle.Focus()
	}
	m.cycle.Blur()
	return m, nil
}

func wrap(i, n int) int { return ((i % n) + n) % n }

// course is the course the form describes, starting now (to the second).
func (m Model) course() (schedule.Course, error) {
	now := m.cfg.Now().Round(0)
	c := schedule.Course{Start: now.Truncate(time.Second)}
	quiet, err := schedule.ParseQuietHours(m.quiets[m.quiet], now.Location())
	if err != nil {
		return c, err
	}
	c.Quiet = quiet
	if m.chosen.preset == nil {
		cycle, err := schedule.ParseCycle(m.cycle.Value())
		if err != nil {
			return c, err
		}
		c.Preset = "custom"
		c.Protocol = schedule.Protocol{Stages: []schedule.Stage{{Cycle: cycle, Window: m.windows[m.window]}}}
		return c, nil
	}
	p := m.chosen.preset
	c.Preset = p.ID
	c.Protocol = p.Protocol
	if len(m.windows) > 0 {
		c.Protocol = p.Protocol.WithFirstWindow(m.windows[m.window])
	}
	return c, nil
}
