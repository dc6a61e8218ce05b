package picker

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/schedule"
)

// View is the list, or the chosen item's settings.
func (m Model) View() string {
	if m.chosen == nil {
		return lipgloss.JoinVertical(lipgloss.Left, m.list.View(), m.footnote())
	}
	st := m.styles
	lines := []string{st.Title.Render(m.chosen.Title()), ""}
	if m.chosen.preset != nil {
		lines = append(lines, strings.Split(m.chosen.Description(), "\n")...)
		if note := m.chosen.preset.Interpretation; note != "" {
			lines = append(lines, note)
		}
		lines = append(lines, "")
	} else {
		lines = append(lines, m.row(fieldCycle, "Cycle", m.cycle.View()))
		if _, err := schedule.ParseCycle(m.cycle.Value()); err != nil {
			lines = append(lines, st.Error.Render(err.Error()))
		} else {
			lines = append(lines, "ok")
		}
	}
	if len(m.windows) > 0 {
		lines = append(lines, m.row(fieldWindow, "Window", "‹ "+windowName(m.windows[m.window])+" ›"))
	}
	lines = append(lines, m.row(fieldQuiet, "Quiet hours", "‹ "+m.quiets[m.quiet]+" ›"), "")
	lines = append(lines, "The course starts now.", "", m.help.View(m.keys))
	for i, l := range lines {
		lines[i] = ansi.Wrap(l, max(m.width, 1), "")
	}
	return strings.Join(lines, "\n")
}

func (m Model) row(f field, label, value string) string {
	label = m.styles.Label.Render(label)
	if m.focus == f && f != fieldCycle {
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

func (m Model) footnote() string {
	if m.cfg.Footnote == "" {
		return ""
	}
	return m.styles.Footnote.Render(ansi.Wrap(m.cfg.Footnote, max(m.width, 1), " "))
}
