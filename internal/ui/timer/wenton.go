package timer

import (
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

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
// then, not when the screen said so (a Restart at that instant). It must
// fall within the phase as it runs on screen and after the last event
// (events are kept in order), and leave the phase still running.
func (m Model) wentOn(ago time.Duration) (Model, tea.Cmd) {
	now := m.now()
	s := m.course.StateAt(now)
	at := now.Add(-ago).Truncate(time.Second)
	earliest := s.Current.Start
	if n := len(m.course.Events); n > 0 && m.course.Events[n-1].At.After(earliest) {
		earliest = m.course.Events[n-1].At
	}
	late := at.Before(earliest)
	if !late {
		next := m.course
		next.Events = append(next.Events[:len(next.Events):len(next.Events)], schedule.Event{Type: schedule.Restart, At: at})
		late = !next.StateAt(now).Current.Start.Equal(s.Current.Start)
	}
	if late {
		m.problem = words.WentOnTooLong(int(now.Sub(earliest) / time.Minute))
		return m, nil
	}
	m.problem = ""
	return m.addAt(schedule.Restart, at)
}
