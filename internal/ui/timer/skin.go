package timer

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// packOn is the screen's part in PROTOCOLS.md section 9, "while the pack
// is on": the skin check, the put-on that asks "Is it on?", and the line
// about daily heat.
type packOn struct {
	// skin rings the bell once for each skin check.
	skin remind.SkinCheck
	// heatDay is the local day (year*1000 + day of year) the heat line was
	// last looked for: it is shown once a day at most.
	heatDay int
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
		if report.HeatLineDue(m.cfg.HeatHistory, m.course, now, now.Location()) {
			m.advice, m.adviceUntil = words.HeatTwoWeeks, now.Add(adviceFor)
		}
	}
	if !m.packOn.skin.Due(m.course.StateAt(now)) {
		return m, nil
	}
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
	m, cmd := m.do(schedule.Action{Verb: verb}) // a read-only screen asks the driving one
	if verb == schedule.VerbSkinNumb && m.problem == "" && m.cfg.ReadOnly == "" {
		now := m.now()
		at := schedule.EventInstant(now)
		m.banner, m.bannerUntil = words.SkinNumb, now.Add(bannerFor)
		cmd = tea.Batch(cmd, m.adviceCmd(now, func(given []advice.Given) []advice.Given { return advice.NewAt(given, at) }))
	}
	return m, cmd, true
}
