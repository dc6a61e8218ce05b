package picker

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// View is the list, the chosen item's settings, or the replace question.
func (m Model) View() string {
	switch {
	case m.width < MinWidth || m.height < MinHeight:
		return m.tooSmall()
	case m.chosen == nil:
		return lipgloss.JoinVertical(lipgloss.Left, m.list.View(), m.foot())
	}
	return m.form()
}

// tooSmall says so, rather than drawing a garbled list.
func (m Model) tooSmall() string {
	line := fmt.Sprintf("too small: %dx%d, need %dx%d", m.width, m.height, MinWidth, MinHeight)
	return ansi.Wrap(line, max(m.width, 1), " ")
}

// form is the chosen item's settings, each line wrapped to the width. In a
// short window the lines that only explain give way, blank ones first,
// then the closing line, the sources and notes, the cycle: the fields and
// the help that says enter starts are always there.
func (m Model) form() string {
	st := m.styles
	const (
		keep = iota
		cycle
		explain
		closing
		blank
	)
	lines := []formLine{{st.Title.Render(m.chosen.Title()), keep}, {"", blank}}
	if p := m.chosen.preset; p != nil {
		lines = append(lines, formLine{schedule.FormatCycle(p.Protocol.Stages[0].Cycle), cycle})
		if len(p.Protocol.Stages) > 1 {
			lines = append(lines, formLine{"then " + schedule.FormatCycle(p.Protocol.Stages[1].Cycle) + ", " + windowText(p.Protocol.Stages[1]), cycle})
		}
		for _, s := range sources(p) {
			lines = append(lines, formLine{s, explain})
		}
		if note := p.Interpretation; note != "" {
			lines = append(lines, formLine{note, explain})
		}
		lines = append(lines, formLine{"", blank})
	} else {
		for _, r := range m.customRows() {
			lines = append(lines, formLine{r, keep})
		}
	}
	if len(m.windows) > 0 {
		lines = append(lines, formLine{m.row(fieldWindow, "Window", m.choice(windowName(m.windows[m.window]))), keep})
	}
	lines = append(lines, formLine{m.row(fieldQuiet, "Quiet hours", m.choice(m.quiets[m.quiet])), keep}, formLine{"", blank})
	if m.confirming != nil {
		lines = append(lines, formLine{st.Error.Render(words.ReplaceQuestion(m.cfg.Replacing)), keep}, formLine{"", blank},
			formLine{m.help.View(confirmKeys{m.keys}), keep})
	} else {
		lines = append(lines, formLine{"The course starts now.", closing}, formLine{"", blank}, formLine{m.help.View(m.keys), keep})
	}
	var rows []string
	for limit := blank; limit > keep; limit-- {
		rows = rows[:0]
		for _, l := range lines {
			if l.drop <= limit {
				rows = append(rows, strings.Split(ansi.Wrap(l.text, max(m.width, 1), " "), "\n")...)
			}
		}
		if len(rows) <= m.height {
			break
		}
	}
	return strings.Join(rows, "\n")
}

// formLine is a line of the form and when it gives way: a higher drop
// goes first.
type formLine struct {
	text string
	drop int
}

// customRows are the custom form's typed fields, with what is wrong under
// the field it is in.
func (m Model) customRows() []string {
	_, err := m.customProtocol()
	var fe formError
	errors.As(err, &fe)
	rows := []string{}
	for _, f := range []struct {
		field field
		label string
		view  string
	}{
		{fieldCycle, "Cycle", m.cycle.View()},
		{fieldWindow, "Window", m.windowText.View()},
		{fieldThen, "Then", m.then.View()},
	} {
		rows = append(rows, m.row(f.field, f.label, f.view))
		// An empty cycle is no mistake until enter is pressed on it: the
		// example in the field says what to type.
		untyped := f.field == fieldCycle && m.cycle.Value() == "" && !m.tried
		if err != nil && fe.field == f.field && !untyped {
			rows = append(rows, m.styles.Error.Render(fe.Error()))
		}
	}
	if err == nil {
		rows = append(rows, "ok")
	}
	return rows
}

func (m Model) row(f field, label, value string) string {
	label = m.styles.Label.Render(label)
	if m.focus == f && m.input() == nil {
		return label + m.styles.Focused.Render(value)
	}
	return label + value
}

func windowName(w time.Duration) string {
	if w == 0 {
		return "until you stop"
	}
	return schedule.FormatDuration(w)
}

// foot is the line explaining "our reading" and the footnote, under the
// list.
func (m Model) foot() string {
	text := words.OurReading
	if m.cfg.SafetyCheck != nil {
		text += "\n" + words.SafetyOffer
	}
	if m.cfg.Footnote != "" {
		text += "\n" + m.cfg.Footnote
	}
	return m.styles.Footnote.Render(ansi.Wrap(text, max(m.width, 1), " "))
}

// footHeight is how many lines foot takes.
func (m Model) footHeight() int { return lipgloss.Height(m.foot()) }

// choice is a value the left and right keys change: "‹ 48h ›".
func (m Model) choice(v string) string {
	if m.cfg.ASCII {
		return "< " + v + " >"
	}
	return "‹ " + v + " ›"
}
