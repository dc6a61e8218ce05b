package timer

import (
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
)

// askWentOn asks how many minutes ago the pack went on, in an ice or heat
// phase that runs; elsewhere the engine says why it cannot be done.
func (m Model) askWentOn(s schedule.State) (Model, tea.Cmd) {
	if s.Current.Kind.IsOn() && !s.Paused {
		m.asking, m.typed = true, ""
		return m, nil
	}
	return m.do(schedule.Action{Verb: schedule.VerbOnSince})
}

// answerWentOn takes a key while the screen asks how many minutes ago the
// pack went on: digits, backspace, enter to set it, esc to drop it.
func (m Model) answerWentOn(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case msg.Code == tea.KeyEnter:
		m.asking = false
		n, err := strconv.Atoi(m.typed)
		if err != nil {
			return m, nil
		}
		return m.wentOn(time.Duration(n) * time.Minute)
	case key.Matches(msg, m.keys.Cancel):
		m.asking = false
	case msg.Code == tea.KeyBackspace && m.typed != "":
		m.typed = m.typed[:len(m.typed)-1]
	case len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9' && len(m.typed) < 3:
		m.typed += msg.Text
	}
	return m, nil
}

// wentOn counts the current phase from ago before now: the pack went on
// then, not when the screen said so.
func (m Model) wentOn(ago time.Duration) (Model, tea.Cmd) {
	return m.do(schedule.Action{Verb: schedule.VerbOnSince, Amount: ago})
}
