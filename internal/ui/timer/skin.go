package timer

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// packOn is the screen's part in PROTOCOLS.md section 9, "while the pack
// is on": the skin check, the put-on that asks "Is it on?", and the line
// about daily heat.
type packOn struct {
	// putOn says the reminder that waits for the ack key is a put-on.
	putOn bool
	// rung is the skin check the bell rang for, so it rings once.
	rung time.Time
	// heatDay is the local day (year*1000 + day of year) the heat line was
	// last looked for: it is shown once a day at most.
	heatDay int
}

// waitingAt says whether a reminder of c waits for the ack key at now,
// and whether it is a put-on asking "Is it on?".
func waitingAt(c schedule.Course, now time.Time) (waiting, putOn bool) {
	t, waits := c.Waiting(now)
	return waits, waits && c.AsksIfOn(t)
}

// whilePackOn is a tick's part in section 9: the terminal bell, once, when
// the skin check comes (quiet: no desktop popup), and once a day, after
// two weeks of daily heat, the heat line in place of advice. A read-only
// screen leaves the bell to the driving process.
func (m Model) whilePackOn(now time.Time) (Model, tea.Cmd) {
	if m.gone {
		return m, nil
	}
	if day := now.Year()*1000 + now.YearDay(); day != m.packOn.heatDay && m.advice == "" {
		m.packOn.heatDay = day
		if report.HeatLineDue(m.cfg.AdviceHistory, m.course, now, now.Location()) {
			m.advice, m.adviceUntil = words.HeatTwoWeeks, now.Add(adviceFor)
		}
	}
	check := m.course.StateAt(now).SkinCheck
	if check.IsZero() || check.Equal(m.packOn.rung) {
		return m, nil
	}
	m.packOn.rung = check
	if m.cfg.ReadOnly != "" {
		return m, nil
	}
	return m, tea.Raw("\a")
}

// skinKey answers the skin check while it waits: k fine, n numb or white
// (the ice phase ends now, and a second numb in the course brings its
// advice). handled is false for every other key, and when none waits.
func (m Model) skinKey(msg tea.KeyPressMsg) (_ Model, _ tea.Cmd, handled bool) {
	verb := map[string]schedule.Verb{"k": schedule.VerbSkinOK, "n": schedule.VerbSkinNumb}[msg.Text]
	if verb == "" || m.gone || m.State().SkinCheck.IsZero() {
		return m, nil, false
	}
	if m.cfg.ReadOnly != "" {
		m.hintUntil = m.now().Add(hintFor)
		return m, nil, true
	}
	m, cmd := m.do(schedule.Action{Verb: verb})
	if verb == schedule.VerbSkinNumb && m.problem == "" {
		m.adviseAt(schedule.EventInstant(m.now()), m.now())
		m.banner, m.bannerUntil = words.SkinNumb, m.now().Add(bannerFor)
	}
	return m, cmd, true
}
