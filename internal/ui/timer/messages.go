package timer

import (
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/words"
)

// messageLines are the rows at the foot, above the help: the question
// asked, or the check-in, the read-only hint, the problem and the advice.
// A problem shown before is dim and cut to one row: the desktop that
// cannot be reached says so at every reminder.
func (m Model) messageLines(s screen, rows int) []string {
	st := m.styles
	switch {
	case s.quitting:
		return m.ask(words.QuitQuestion, s.width, rows)
	case s.confirming:
		return m.ask(words.StopQuestion, s.width, rows)
	case s.asking:
		return m.ask(words.WentOnPrompt(s.typed), s.width, rows)
	}
	var out []string
	if s.skinCheck {
		out = append(out, m.wrap(st.Question, words.SkinCheck, s.width)...)
	}
	if s.hint {
		out = append(out, m.wrap(st.Problem, words.ReadOnlyHint, s.width)...)
	}
	switch {
	case s.problem == "":
	case s.problemSeen:
		out = append(out, st.Dim.Render(ansi.Truncate("! "+s.problem, s.width-2, m.ellipsis())))
	default:
		out = append(out, m.wrap(st.Problem, "! "+s.problem, s.width)...)
	}
	if s.advice != "" {
		out = append(out, m.wrap(st.Action, s.advice, s.width)...)
	}
	if s.checkIn {
		// The check-in comes first, short when the rest leaves it too few
		// rows.
		out = append(m.ask(words.PainPrompt, s.width, rows-len(out)), out...)
	}
	return out
}

// ask is a question, wrapped to width: in full when it takes at most rows
// rows, else in short.
func (m Model) ask(q words.Said, width, rows int) []string {
	if lines := m.wrap(m.styles.Question, q.Full, width); len(lines) <= rows {
		return lines
	}
	return m.wrap(m.styles.Question, q.Short, width)
}
