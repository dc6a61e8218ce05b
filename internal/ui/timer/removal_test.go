package timer

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// Until a removal is acknowledged the screen says to take the pack off, from
// the change's instant, in the alert colour; REST comes only after a
// (issue 22).
func TestRemovalSaysSoUntilAcknowledged(t *testing.T) {
	m, clk, saved, _ := newScreen(t)
	clk.t = start.Add(20 * time.Minute) // the instant ice ends
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "ICE OFF · Take the ice pack off now, then press a", "a pack is off", "20 min left")
	if head, _ := bigRows(screenText(*m)); head != 5 {
		t.Fatalf("the removal's big word is %d rows at 80x24, want 5:\n%s", head, screenText(*m))
	}
	if strings.Contains(screenText(*m), "REST") {
		t.Fatalf("REST before the pack is off:\n%s", screenText(*m))
	}
	if got := m.View().WindowTitle; got != "icetimer: ICE OFF, 20 min left" {
		t.Errorf("title %q", got)
	}
	alert := ansi256(t, m.styles.Alert)
	if !strings.Contains(string(render(t, m.View().Content, colorprofile.ANSI256)), alert) {
		t.Errorf("the removal is not in the alert colour %q", alert)
	}
	clk.t = clk.t.Add(90 * time.Second) // no repeat yet: still the removal
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "ICE OFF")
	press(m, "a")
	if e := lastEvent(t, *m); e.Type != schedule.Ack || len(*saved) != 1 {
		t.Fatalf("a saved %+v", *saved)
	}
	mustShow(t, *m, "REST · Pack off. Rest.")
	if strings.Contains(screenText(*m), "ICE OFF") || strings.Contains(screenText(*m), "pack is off") {
		t.Fatalf("the removal stays after a:\n%s", screenText(*m))
	}
}

// An acknowledgement from elsewhere (icetimer ack, the notification's
// button) ends the removal on the screen too; so does the heat's and the
// night's.
func TestRemovalEndsWithAnAckFromElsewhere(t *testing.T) {
	m, clk, _, _ := newScreenWith(t, func(*Config) {})
	clk.t = start.Add(20*time.Minute + 2*time.Second)
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "ICE OFF")
	heat := m.Course()
	ack := schedule.Action{Verb: schedule.VerbAck}
	send(m, RequestMsg{Action: ack, From: "the notification",
		Apply: func(c schedule.Course) (schedule.Course, error) { return c.Do(ack, clk.now()) }})
	mustShow(t, *m, "REST")

	heat.Protocol.Stages = []schedule.Stage{{Cycle: schedule.Cycle{{Kind: schedule.Heat, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}}}}
	m2 := New(heat, Config{Now: clk.now})
	send(&m2, tea.WindowSizeMsg{Width: 80, Height: 24})
	send(&m2, TickMsg{ID: m2.id})
	mustShow(t, m2, "HEAT OFF · Take the heat pack off now, then press a")
}

// The removal that quiet hours make says so, and NIGHT comes after a.
func TestNightRemoval(t *testing.T) {
	m := nightScreen(t, 23*time.Hour+30*time.Second)
	mustShow(t, m, "ICE OFF · Take the ice pack off for the night, then press a")
	press(&m, "a")
	mustShow(t, m, "NIGHT · Quiet hours: pack off, sleep.")
}

// A put-on that waits for "it's on" (once the engine reports one) reads
// PUT ICE ON, with its bar, and the help says what a does.
func TestPutOnWaitingView(t *testing.T) {
	m, _, _, _ := newScreen(t)
	s := m.shownScreen
	s.kind, s.putOn = schedule.Ice, true
	s.waitHead, s.waitAct = words.Waiting(schedule.Transition{From: schedule.Segment{Kind: schedule.Rest}, To: schedule.Segment{Kind: schedule.Ice}})
	for _, size := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
		s.width, s.height = size[0], size[1]
		fresh := *m
		fresh.layout = layout{}
		text := stripped(fresh.frame(s))
		for _, want := range []string{"Put the ice pack on, then press a", "a it's on"} {
			if !strings.Contains(text, want) {
				t.Errorf("%dx%d lacks %q:\n%s", size[0], size[1], want, text)
			}
		}
	}
}

// The pain key asks at any time, in a colour that is no error's; a score
// is noted, and its advice comes from a command, not from Update.
func TestPainKeyAsksAtAnyTime(t *testing.T) {
	m, clk, saved, _ := newScreen(t)
	press(m, "?")
	mustShow(t, *m, "p pain now")
	press(m, "?")
	press(m, "p")
	mustShow(t, *m, "Pain now? 0-9")
	question := lineWith(m.View().Content, "Pain now?")
	if red := ansi256(t, m.styles.Problem.GetForeground()); strings.Contains(string(render(t, question, colorprofile.ANSI256)), red) {
		t.Errorf("the question is in the error colour: %q", question)
	}
	clk.t = start.Add(3*time.Hour + 45*time.Minute) // pain 9 over 3 h in: still severe
	cmd := press(m, "9")
	if len(*saved) != 1 || len((*saved)[0].Pain) != 1 || (*saved)[0].Pain[0].Score != 9 {
		t.Fatalf("saved %+v", *saved)
	}
	mustShow(t, *m, "pain 9 noted")
	if strings.Contains(screenText(*m), "Still severe") {
		t.Fatal("the advice was worked out in Update")
	}
	answer(m, cmd)
	mustShow(t, *m, "Still severe after a few hours")
}

// Advice that stands shows again when the screen opens, with its key: cold
// not helping, and a next stage to move to.
func TestStandingAdviceShowsOnReopening(t *testing.T) {
	clk := &clock{start.Add(150 * time.Minute)}
	c := coldNotHelping()
	m := New(c, Config{Now: clk.now})
	send(&m, tea.WindowSizeMsg{Width: 100, Height: 40})
	send(&m, TickMsg{ID: m.id})
	answer(&m, m.standingAdvice())
	mustShow(t, m, "Cold does not seem to help", "Press n to move on to heat")

	// Moved on already: it no longer stands.
	c.Events = append(c.Events, schedule.Event{Type: schedule.NextStage, At: start.Add(140 * time.Minute)})
	m = New(c, Config{Now: clk.now})
	send(&m, tea.WindowSizeMsg{Width: 100, Height: 40})
	answer(&m, m.standingAdvice())
	if strings.Contains(screenText(m), "Cold does not seem") {
		t.Fatalf("advice shown after moving on:\n%s", screenText(m))
	}
}

// o outside an ice or heat phase says why it does nothing.
func TestWentOnDuringARestSaysWhy(t *testing.T) {
	m, clk, saved, _ := newScreen(t)
	clk.t = start.Add(25 * time.Minute)
	send(m, TickMsg{ID: m.id})
	press(m, "o")
	mustShow(t, *m, "a pack goes on in an ice or heat phase: it is rest now")
	if len(*saved) != 0 {
		t.Fatal("saved a refused on-since")
	}
}

// n to the quit question says so to whoever runs the screen (Dropped).
func TestQuitWithoutRemindersIsTold(t *testing.T) {
	m, _, _, _ := newScreen(t)
	press(m, "q")
	press(m, "n")
	if !m.Dropped() || m.Background() {
		t.Fatalf("dropped %v, background %v", m.Dropped(), m.Background())
	}
}

// coldNotHelping is an ice-then-heat course whose first two ice
// applications brought no drop in pain: the third check-in called for the
// cold-not-helping advice.
func coldNotHelping() schedule.Course {
	c := schedule.Course{Preset: "ice-then-heat", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{
		{Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}}, Window: 48 * time.Hour},
		{Cycle: schedule.Cycle{{Kind: schedule.Heat, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}}},
	}}}
	for _, min := range []int{0, 20, 40, 60, 80, 100} {
		c.Pain = append(c.Pain, schedule.PainScore{At: start.Add(time.Duration(min) * time.Minute), Score: 6})
	}
	return c
}

// nightScreen is an ice 20m, rest 20m course with quiet hours 23:00-07:00,
// started at 21:30, at 80x24, at 21:30 plus at... on its first day.
func nightScreen(t *testing.T, at time.Duration) Model {
	t.Helper()
	day := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	clk := &clock{day.Add(at)}
	c := schedule.Course{Preset: "ice-20-20", Start: day.Add(21*time.Hour + 30*time.Minute), Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
	}}}, Quiet: schedule.QuietHours{Enabled: true, Start: 23 * time.Hour, End: 7 * time.Hour, Location: time.UTC}}
	m := New(c, Config{Now: clk.now, Since: clk.t})
	send(&m, tea.WindowSizeMsg{Width: 80, Height: 24})
	send(&m, TickMsg{ID: m.id})
	return m
}
