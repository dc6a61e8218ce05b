package timer

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// skinScreen is newScreen's course with a skin check at 8 minutes and
// put-ons that ask "Is it on?", answered at the start (so that only what
// a test does waits).
func skinScreen(t *testing.T) (*Model, *clock, *[]schedule.Course, *[][]schedule.Transition) {
	t.Helper()
	m, clk, saved, told := newScreen(t)
	c := m.Course()
	c.SkinCheck, c.ConfirmPutOn = 8*time.Minute, true
	c.Events = []schedule.Event{{Type: schedule.Confirm, At: start}}
	m.course = c
	send(m, TickMsg{ID: m.id})
	return m, clk, saved, told
}

// The skin check comes at 8 minutes with the bell, once, and a line; k
// answers it and the line goes. Looking for the bell runs the screen's
// commands, its next tick among them: on synctest's clock, so that the
// tick's wait costs nothing.
func TestSkinCheckRingsOnceAndKAnswersIt(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m, clk, saved, told := skinScreen(t)
		if strings.Contains(screenText(*m), "Skin check") {
			t.Fatal("the skin check shows before 8 minutes")
		}
		clk.t = start.Add(8 * time.Minute)
		var cmd tea.Cmd
		*m, cmd = m.Update(TickMsg{ID: m.id})
		if !bells(cmd) {
			t.Fatal("no bell when the skin check came")
		}
		mustShow(t, *m, "Skin check: still just cold or aching? k fine, n numb or white")
		n := len(*told)
		clk.t = start.Add(8*time.Minute + time.Second)
		if *m, cmd = m.Update(TickMsg{ID: m.id}); bells(cmd) || len(*told) != n {
			t.Fatal("the skin check rang again, or went to the desktop")
		}
		press(m, "k")
		if e := lastEvent(t, *m); e.Type != schedule.SkinOK || len(*saved) == 0 {
			t.Fatalf("k recorded %+v", e)
		}
		if strings.Contains(screenText(*m), "Skin check") {
			t.Fatal("the line stayed after k")
		}
		press(m, "k")
		if e := lastEvent(t, *m); e.Type != schedule.SkinOK || len(m.Course().Events) != 2 {
			t.Fatalf("k with no check waiting recorded %+v", m.Course().Events)
		}
	})
}

// n ends the ice phase now: the remove reminder goes out at the next
// tick, waits for a, and a second numb shows section 9's advice.
func TestSkinNumbEndsTheIceWithItsReminder(t *testing.T) {
	m, clk, _, told := skinScreen(t)
	clk.t = start.Add(9*time.Minute + 500*time.Millisecond)
	send(m, TickMsg{ID: m.id})
	press(m, "n")
	if e := lastEvent(t, *m); e.Type != schedule.Numb {
		t.Fatalf("n recorded %+v", e)
	}
	mustShow(t, *m, "ICE OFF", words.SkinNumb) // off, until a says it is
	n := len(*told)
	clk.t = start.Add(10 * time.Minute)
	var cmd tea.Cmd
	*m, cmd = m.Update(TickMsg{ID: m.id})
	if len(*told) != n+1 || (*told)[n][0].To.Cause != schedule.CauseNumb || !bells(cmd) {
		t.Fatalf("the numb removal was not told: %+v", (*told)[n:])
	}
	mustShow(t, *m, "pack is off")
	press(m, "a")
	if e := lastEvent(t, *m); e.Type != schedule.Ack {
		t.Fatalf("a after numb recorded %+v", e)
	}
	clk.t = start.Add(29*time.Minute + 10*time.Second) // ice again from 09:29, confirmed
	send(m, TickMsg{ID: m.id})
	press(m, "a")
	clk.t = start.Add(38 * time.Minute)
	send(m, TickMsg{ID: m.id})
	answer(m, press(m, "n")) // the advice comes from a command
	mustShow(t, *m, "The skin went numb twice")
}

// A put-on that asks waits for a, lists it as "pack is on", repeats
// quietly every 5 minutes, three times; a counts the phase from then.
func TestPutOnWaitsForAAndCountsFromIt(t *testing.T) {
	m, clk, _, told := skinScreen(t)
	clk.t = start.Add(20 * time.Minute)
	send(m, TickMsg{ID: m.id})
	press(m, "a") // the removal
	clk.t = start.Add(40 * time.Minute)
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "a it's on")
	n := len(*told)
	for _, d := range []time.Duration{45, 50, 55} {
		clk.t = start.Add(d * time.Minute)
		send(m, TickMsg{ID: m.id})
	}
	if len(*told) != n+3 {
		t.Fatalf("the put-on was told again %d times, want 3", len(*told)-n)
	}
	mustShow(t, *m, "PUT ICE ON", "Put the ice pack on, then press a", "Reminded again at 09:55")
	clk.t = start.Add(58*time.Minute + 200*time.Millisecond)
	send(m, TickMsg{ID: m.id})
	press(m, "a")
	if e := lastEvent(t, *m); e.Type != schedule.Confirm || !e.At.Equal(start.Add(58*time.Minute)) {
		t.Fatalf("a recorded %+v", e)
	}
	mustShow(t, *m, "20 min left, until 10:18")
	if strings.Contains(screenText(*m), "pack is on") {
		t.Fatal("the help still lists a once answered")
	}
}

// After two weeks of daily heat the heat line shows, once a day.
func TestHeatLineOnceADay(t *testing.T) {
	var history []store.Record
	for d := 14; d >= 1; d-- {
		day := start.AddDate(0, 0, -d)
		c := schedule.Course{Preset: "heat-20-20", Start: day, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
			Cycle: schedule.Cycle{{Kind: schedule.Heat, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}}}}}}
		history = append(history, store.Record{Course: c, EndedAt: day.Add(time.Hour), Reason: store.Stopped})
	}
	m, clk, _, _ := newScreenWith(t, func(c *Config) { c.HeatHistory = history })
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "Heat every day for two weeks")
	// A tick when the line's time is up clears it; the next would show it
	// again if the screen did not keep that it was shown today.
	for range 2 {
		clk.t = clk.t.Add(adviceFor)
		send(m, TickMsg{ID: m.id})
	}
	if strings.Contains(screenText(*m), "Heat every day") {
		t.Fatal("the heat line came back the same day")
	}
	plain, _, _, _ := newScreen(t)
	send(plain, TickMsg{ID: plain.id})
	if strings.Contains(screenText(*plain), "Heat every day") {
		t.Fatal("the heat line shows with no heat in history")
	}
}

// A pain score given while a put-on asks "is it on?" is only a score: it
// answers a removal that waits ("the pack is off"), never the put-on,
// whose a would count the ice from then and move its removal.
func TestAScoreDoesNotConfirmAPutOn(t *testing.T) {
	m, clk, saved, _ := newScreen(t)
	c := m.Course()
	c.ConfirmPutOn = true
	m.course = c
	clk.t = start.Add(2 * time.Minute)
	send(m, TickMsg{ID: m.id})
	press(m, "p")
	press(m, "7")
	last := (*saved)[len(*saved)-1]
	if len(last.Events) != 0 || len(last.Pain) != 1 {
		t.Fatalf("the score saved events %+v", last.Events)
	}
	if end := last.StateAt(clk.t).Current.End; !end.Equal(start.Add(20 * time.Minute)) {
		t.Fatalf("the ice ends at %v after the score, want 09:20 as planned", end)
	}
}
