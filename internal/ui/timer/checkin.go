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
// skippable, and gone at the next change. The timer runs on meanwhile.
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
	now := m.now()
	next, err := m.course.Do(schedule.Action{Verb: schedule.VerbPain, Score: score}, now)
	if err != nil {
		m.problem = err.Error()
		return m, nil, true
	}
	// Giving a score says the person is there, the pack off: it answers the
	// reminder that waits, if one does.
	if acked, err := next.Do(schedule.Action{Verb: schedule.VerbAck}, now); err == nil {
		next = acked
	}
	m = m.adopt(next, now)
	m.adviseAt(next.Pain[len(next.Pain)-1].At, now)
	return m, m.save(), true
}

// adviseAt shows the advice the check-in at at calls for first, once, from
// the last weeks' history and this course; with the cold-not-helping advice it
// offers the next stage, when there is one.
func (m *Model) adviseAt(at, now time.Time) {
	for _, g := range advice.NewAt(m.cfg.AdviceHistory.With(store.Record{Course: m.course}, now), at) {
		m.advice = words.AdviceLine(g.Rule)
		m.adviceUntil = now.Add(adviceFor)
		s := m.course.StateAt(now)
		if g.Rule == advice.ColdNotHelping && m.course.Protocol.HasNextStage(s.Current.Stage) {
			m.offerNext = true
			m.advice += " " + words.NextStageOffer(string(m.course.Protocol.MainKind(s.Current.Stage+1)))
		}
	}
}

// nextStageKey moves the course on to its next stage, when offered.
func (m Model) nextStageKey() (Model, tea.Cmd) {
	m.offerNext, m.advice = false, ""
	return m.do(schedule.Action{Verb: schedule.VerbNextStage})
}
