package timer

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// When a pack comes off the screen asks for a pain score with one key
// (issue 14); the score is saved with the course, and says the person is
// there: the removal is acknowledged.
func TestCheckInAfterThePackComesOff(t *testing.T) {
	m, clk, saved, _ := newScreen(t)
	send(m, TickMsg{ID: m.id})
	if strings.Contains(screenText(*m), "Pain now?") {
		t.Fatal("a check-in with the pack on")
	}
	clk.t = start.Add(20 * time.Minute)
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "Pain now? 0-9")
	press(m, "6")
	c := (*saved)[len(*saved)-1]
	if len(c.Pain) != 1 || c.Pain[0].Score != 6 || len(c.Events) != 1 || c.Events[0].Type != schedule.Ack {
		t.Fatalf("saved pain %+v events %+v; want the score 6 and an ack", c.Pain, c.Events)
	}
	if strings.Contains(screenText(*m), "Pain now?") {
		t.Fatal("the check-in stays after the score")
	}
}

func TestCheckInIsSkippableAndEndsAtTheNextChange(t *testing.T) {
	m, clk, saved, _ := newScreen(t)
	clk.t = start.Add(20 * time.Minute)
	send(m, TickMsg{ID: m.id})
	press(m, "esc")
	if strings.Contains(screenText(*m), "Pain now?") || len(*saved) != 0 {
		t.Fatal("esc did not skip the check-in")
	}
	clk.t = start.Add(60 * time.Minute) // off again at 10:00
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "Pain now?")
	clk.t = start.Add(80 * time.Minute) // on again
	send(m, TickMsg{ID: m.id})
	if strings.Contains(screenText(*m), "Pain now?") {
		t.Fatal("the check-in outlived the next change")
	}
}

// A score that calls for advice shows it once, with its source.
func TestCheckInShowsTheAdviceItCalledFor(t *testing.T) {
	m, clk, _, _ := newScreen(t)
	clk.t = start.Add(3*time.Hour + 40*time.Minute) // off at 12:40, over 3 h in
	send(m, TickMsg{ID: m.id})
	answer(m, press(m, "t")) // 10
	mustShow(t, *m, "pain 10 noted")
	want := words.AdviceLine("still-severe")
	mustShow(t, *m, want[:30])
}

// When the cold does not seem to help the advice offers the next stage,
// and n moves the course on to heat (issue 14).
func TestColdNotHelpingOffersTheNextStage(t *testing.T) {
	clk := &clock{start.Add(100 * time.Minute)} // ice off at 10:40
	var saved []schedule.Course
	c := schedule.Course{Preset: "ice-then-heat", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{
		{Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}}, Window: 48 * time.Hour},
		{Cycle: schedule.Cycle{{Kind: schedule.Heat, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}}},
	}}}
	// 6 before and after each of the first two applications.
	for _, min := range []int{0, 20, 40, 60, 80} {
		c.Pain = append(c.Pain, schedule.PainScore{At: start.Add(time.Duration(min) * time.Minute), Score: 6})
	}
	m := New(c, Config{Now: clk.now, Since: start.Add(99 * time.Minute),
		Save: func(c schedule.Course) tea.Cmd { saved = append(saved, c); return nil }})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	send(&m, TickMsg{ID: m.id})
	answer(&m, press(&m, "6"))
	mustShow(t, m, "Press n to move on to heat")
	press(&m, "n")
	last := saved[len(saved)-1]
	if e := last.Events[len(last.Events)-1]; e.Type != schedule.NextStage {
		t.Fatalf("n saved %+v, want a next-stage event", e)
	}
	if s := m.State(); s.Current.Kind != schedule.Heat {
		t.Fatalf("after n: %s, want heat", s.Current.Kind)
	}
}

// Advice is said once: a rule a check-in of an earlier course called for
// (read from the weeks of history) is not said again today.
func TestAdviceGivenBeforeIsNotSaidAgain(t *testing.T) {
	yesterday := schedule.Course{Preset: "ice-20-20", Start: start.Add(-24 * time.Hour), Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
	}}}}
	yesterday.Pain = []schedule.PainScore{{At: yesterday.Start.Add(4 * time.Hour), Score: 9}}
	m, clk, _, _ := newScreen(t)
	m.cfg.AdviceHistory.Add(store.Record{Course: yesterday, EndedAt: yesterday.Start.Add(5 * time.Hour)}, start)
	clk.t = start.Add(3*time.Hour + 40*time.Minute)
	send(m, TickMsg{ID: m.id})
	answer(m, press(m, "t"))
	if want := words.AdviceLine("still-severe"); strings.Contains(screenText(*m), want[:30]) {
		t.Fatal("the screen said again what a check-in yesterday called for")
	}
}

// answer runs cmd, the command a key gave, in the background as Bubble
// Tea does, and sends the screen its message; it fails on a command that
// waits (a tick), which no key gives.
func answer(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		send(m, msg)
	case <-time.After(5 * time.Second):
		panic("the command waited")
	}
}
