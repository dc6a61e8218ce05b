package timer

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// adviceFor is how long an advice line stays on the screen.
const adviceFor = 10 * time.Minute

// offerCheckIn asks for a pain score when a change took a pack off: one key,
// skippable, and gone at the next change. The timer runs on meanwhile. The
// pain key asks at any time.
func (m Model) offerCheckIn(last schedule.Transition) Model {
	m.checkIn = last.From.Kind.IsOn() && m.cfg.ReadOnly == ""
	return m
}

// checkInKey handles a key while the check-in is offered; handled is false
// for the keys it leaves to the screen (all but the score keys and esc).
func (m Model) checkInKey(msg tea.KeyPressMsg) (_ Model, _ tea.Cmd, handled bool) {
	score := -1
	switch {
	case msg.Code == tea.KeyEscape:
		m.checkIn = false
		return m, nil, true
	case msg.Text == "t":
		score = 10
	case len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9':
		score = int(msg.Text[0] - '0')
	default:
		return m, nil, false
	}
	m.checkIn = false
	if m.cfg.ReadOnly != "" {
		m, cmd := m.do(schedule.Action{Verb: schedule.VerbPain, Score: score}) // the driving process records it
		return m, cmd, true
	}
	now := m.now()
	next, err := m.course.Do(schedule.Action{Verb: schedule.VerbPain, Score: score}, now)
	if err != nil {
		m.problem = err.Error()
		return m, nil, true
	}
	m = m.adopt(next, now)
	m.banner, m.bannerUntil = words.PainNoted(score), now.Add(bannerFor)
	at := next.Pain[len(next.Pain)-1].At
	called := m.adviceCmd(now, func(given []advice.Given) []advice.Given { return advice.NewAt(given, at) })
	return m, tea.Batch(m.save(), called), true
}

// AdviceMsg is the advice to show: what a check-in called for, or what
// stands when the screen opens. It is worked out off the event loop, in a
// command: it reads weeks of history.
type AdviceMsg struct {
	// Given is the advice, in the order it came; empty for none.
	Given []advice.Given
}

// adviceCmd works out the advice the last weeks' history and this course
// call for at now (advice.History.With) in a command, and answers with the
// part of it pick keeps.
func (m Model) adviceCmd(now time.Time, pick func([]advice.Given) []advice.Given) tea.Cmd {
	history, c := m.cfg.AdviceHistory, m.course
	return func() tea.Msg { return AdviceMsg{Given: pick(history.With(store.Record{Course: c}, now))} }
}

// standingAdvice is the command that finds, when the screen opens, the
// latest advice a check-in of this course called for, to show it again
// with its key: it still stands ("cold does not seem to help: n moves on
// to heat"). The cold-not-helping advice no longer stands once there is
// no next stage to move to. A read-only screen leaves advice to the
// driving one.
func (m Model) standingAdvice() tea.Cmd {
	if m.gone || m.cfg.ReadOnly != "" {
		return nil
	}
	c, now := m.course, m.now()
	return m.adviceCmd(now, func(given []advice.Given) []advice.Given {
		for i := len(given) - 1; i >= 0; i-- {
			g := given[i]
			if !g.CourseStart.Equal(c.Start) {
				continue
			}
			if g.Rule == advice.ColdNotHelping && !c.Protocol.HasNextStage(c.StateAt(now).Current.Stage) {
				return nil
			}
			return given[i : i+1]
		}
		return nil
	})
}

// advised shows the advice msg brings, for adviceFor from now; with the
// cold-not-helping advice it offers the next stage, when there is one.
func (m Model) advised(msg AdviceMsg, now time.Time) Model {
	for _, g := range msg.Given {
		m.advice = words.AdviceLine(g.Rule)
		m.adviceUntil = now.Add(adviceFor)
		m.offerNext = false
		if m.gone {
			continue
		}
		s := m.course.StateAt(now)
		if g.Rule == advice.ColdNotHelping && m.course.Protocol.HasNextStage(s.Current.Stage) {
			m.offerNext = true
			m.advice += " " + words.NextStageOffer(string(m.course.Protocol.MainKind(s.Current.Stage+1)))
		}
	}
	return m
}

// nextStageKey moves the course on to its next stage, when offered.
func (m Model) nextStageKey() (Model, tea.Cmd) {
	m.offerNext, m.advice = false, ""
	return m.do(schedule.Action{Verb: schedule.VerbNextStage})
}
