package picker

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

var errNeedsWindow = errors.New(words.ThenNeedsWindow)

// Bounds on a custom cycle's window (docs: CLI.md, --window).
const (
	minCustomWindow = time.Second
	maxCustomWindow = 30 * 24 * time.Hour
)

// fields are the form's lines for the chosen item, in order.
func (m Model) fields() []field {
	if m.chosen.preset == nil {
		return []field{fieldCycle, fieldWindow, fieldThen, fieldQuiet}
	}
	if len(m.windows) > 0 {
		return []field{fieldWindow, fieldQuiet}
	}
	return []field{fieldQuiet}
}

// input is the text field focused, nil when the focus is on a choice.
func (m *Model) input() *textinput.Model {
	if m.chosen == nil || m.confirming != nil {
		return nil
	}
	switch {
	case m.focus == fieldCycle:
		return &m.cycle
	case m.focus == fieldWindow && m.chosen.preset == nil:
		return &m.windowText
	case m.focus == fieldThen:
		return &m.then
	}
	return nil
}

func (m Model) formKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(msg, m.keys.Back):
		m.chosen = nil
		m.blurAll()
		return m, nil
	case key.Matches(msg, m.keys.Start):
		return m.start()
	case key.Matches(msg, m.keys.Next):
		return m.move(1)
	case key.Matches(msg, m.keys.Prev):
		return m.move(-1)
	}
	if in := m.input(); in != nil {
		var cmd tea.Cmd
		*in, cmd = in.Update(msg)
		return m, cmd
	}
	if key.Matches(msg, m.keys.Change) {
		step := 1
		if msg.String() == "left" {
			step = -1
		}
		if m.focus == fieldWindow {
			m.window = wrap(m.window+step, len(m.windows))
		} else {
			m.quiet = wrap(m.quiet+step, len(m.quiets))
		}
	}
	return m, nil
}

// move focuses the next or previous line of the form.
func (m Model) move(step int) (Model, tea.Cmd) {
	fs := m.fields()
	at := 0
	for i, f := range fs {
		if f == m.focus {
			at = i
		}
	}
	return m.focusOn(fs[wrap(at+step, len(fs))])
}

// focusOn focuses line f, and its text field if it has one.
func (m Model) focusOn(f field) (Model, tea.Cmd) {
	m.blurAll()
	m.focus = f
	if in := m.input(); in != nil {
		return m, in.Focus()
	}
	return m, nil
}

func (m *Model) blurAll() {
	m.cycle.Blur()
	m.windowText.Blur()
	m.then.Blur()
}

// course is the course the form describes, starting now (to the second),
// with the skin check configured and put-on reminders that ask "Is it on?".
func (m Model) course() (schedule.Course, error) {
	now := m.cfg.Now().Round(0)
	c := schedule.Course{Start: now.Truncate(time.Second), SkinCheck: m.cfg.SkinCheck, ConfirmPutOn: true}
	quiet, err := schedule.ParseQuietHours(m.quiets[m.quiet], now.Location())
	if err != nil {
		return c, err
	}
	c.Quiet = quiet
	if m.chosen.preset == nil {
		p, err := m.customProtocol()
		if err != nil {
			return c, err
		}
		c.Preset = "custom"
		c.Protocol = p
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

// formError is why the custom form cannot start, with the field it is in.
type formError struct {
	field field
	err   error
}

func (e formError) Error() string { return e.err.Error() }

// customProtocol reads the custom form: a cycle, a window (empty: until
// stopped) and a cycle after it (only with a window, which must end for
// the next to begin).
func (m Model) customProtocol() (schedule.Protocol, error) {
	first, err := schedule.ParseCycle(m.cycle.Value())
	if err != nil {
		return schedule.Protocol{}, formError{fieldCycle, err}
	}
	stage := schedule.Stage{Cycle: first}
	if w := m.windowText.Value(); w != "" {
		if stage.Window, err = schedule.ParseDuration(w, minCustomWindow, maxCustomWindow); err != nil {
			return schedule.Protocol{}, formError{fieldWindow, err}
		}
	}
	p := schedule.Protocol{Stages: []schedule.Stage{stage}}
	if m.then.Value() == "" {
		return p, nil
	}
	if stage.UntilStopped() {
		return p, formError{fieldThen, errNeedsWindow}
	}
	then, err := schedule.ParseCycle(m.then.Value())
	if err != nil {
		return p, formError{fieldThen, err}
	}
	p.Stages = append(p.Stages, schedule.Stage{Cycle: then})
	return p, nil
}
