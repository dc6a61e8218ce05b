package timer

import (
	"errors"
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/schedule"
)

// clock is a settable clock for the screen.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

var start = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

// newScreen is a screen on ice 20m, rest 20m (quiet hours off) at 80x24,
// 5 minutes and a bit in, with its saves and notifications recorded.
func newScreen(t *testing.T) (*Model, *clock, *[]schedule.Course, *[][]schedule.Transition) {
	t.Helper()
	return newScreenWith(t, func(*Config) {})
}

// newScreenWith is newScreen with its Config changed by set.
func newScreenWith(t *testing.T, set func(*Config)) (*Model, *clock, *[]schedule.Course, *[][]schedule.Transition) {
	t.Helper()
	clk := &clock{start.Add(5*time.Minute + 300*time.Millisecond)}
	var saved []schedule.Course
	var told [][]schedule.Transition
	c := schedule.Course{Preset: "ice-20-20", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
	}}}}
	cfg := Config{
		Now:  clk.now,
		Save: func(c schedule.Course) tea.Cmd { saved = append(saved, c); return nil },
		Notify: func(a Announcement) tea.Cmd {
			ts := a.Transitions
			told = append(told, ts)
			return nil
		},
	}
	set(&cfg)
	m := New(c, cfg)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return &m, clk, &saved, &told
}

// background is a terminal background colour, dark or light.
func background(dark bool) color.Color {
	if dark {
		return color.RGBA{R: 0x1e, G: 0x1e, B: 0x1e, A: 0xff}
	}
	return color.RGBA{R: 0xfa, G: 0xfa, B: 0xfa, A: 0xff}
}

func send(m *Model, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*m, cmd = m.Update(msg)
	return cmd
}

func press(m *Model, k string) tea.Cmd {
	var msg tea.KeyPressMsg
	switch k {
	case "space":
		msg = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c":
		msg = tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "esc":
		msg = tea.KeyPressMsg{Code: tea.KeyEscape}
	default:
		msg = tea.KeyPressMsg{Code: rune(k[0]), Text: k}
	}
	var cmd tea.Cmd
	*m, cmd = m.Update(msg)
	return cmd
}

func screenText(m Model) string { return ansi.Strip(m.View().Content) }

func mustShow(t *testing.T, m Model, want ...string) {
	t.Helper()
	got := screenText(m)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Fatalf("screen lacks %q:\n%s", w, got)
		}
	}
}

func lastEvent(t *testing.T, m Model) schedule.Event {
	t.Helper()
	ev := m.Course().Events
	if len(ev) == 0 {
		t.Fatal("no event recorded")
	}
	return ev[len(ev)-1]
}

func TestKeysAddEventsAtWholeSeconds(t *testing.T) {
	for _, tc := range []struct {
		key    string
		want   schedule.EventType
		amount time.Duration
		screen string
	}{
		{"space", schedule.Pause, 0, "PAUSED"},
		{"s", schedule.Skip, 0, "REST"},
		{"+", schedule.Extend, ExtendBy, "20 min left, until 09:25"},
		{"r", schedule.Restart, 0, "20 min left, until 09:25"},
	} {
		t.Run(tc.key, func(t *testing.T) {
			m, clk, saved, _ := newScreen(t)
			press(m, tc.key)
			e := lastEvent(t, *m)
			if e.Type != tc.want || e.Amount != tc.amount || !e.At.Equal(clk.t.Truncate(time.Second)) {
				t.Fatalf("event %+v, want %s of %v at %v", e, tc.want, tc.amount, clk.t.Truncate(time.Second))
			}
			if len(*saved) != 1 || len((*saved)[0].Events) != 1 {
				t.Fatalf("saved %d times, want once with the event", len(*saved))
			}
			mustShow(t, *m, tc.screen)
		})
	}
}

func TestPauseHoldsAndResumes(t *testing.T) {
	m, clk, _, _ := newScreen(t)
	press(m, "space")
	mustShow(t, *m, "PAUSED", "15 min left, paused")
	clk.t = clk.t.Add(10 * time.Minute)
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "15 min left, paused")
	press(m, "space")
	if e := lastEvent(t, *m); e.Type != schedule.Resume {
		t.Fatalf("second space added %s, want resume", e.Type)
	}
	mustShow(t, *m, "ICE ON", "15 min left")
}

func TestStopAsksFirst(t *testing.T) {
	m, _, saved, _ := newScreen(t)
	press(m, "x")
	mustShow(t, *m, "Stop the course?")
	press(m, "n")
	if len(m.Course().Events) != 0 || len(*saved) != 0 {
		t.Fatal("n still stopped the course")
	}
	mustShow(t, *m, "ICE ON")
	press(m, "x")
	press(m, "y")
	if e := lastEvent(t, *m); e.Type != schedule.Stop {
		t.Fatalf("x y added %s, want stop", e.Type)
	}
	mustShow(t, *m, "DONE")
	press(m, "s")
	if len(m.Course().Events) != 1 {
		t.Fatal("a key after the course ended added an event")
	}
}

// While the stop question is asked only its answers (y; n or esc) and quit
// act: a stray key neither stops the course nor dismisses the question.
func TestStopQuestionWaitsForAnAnswer(t *testing.T) {
	m, _, _, _ := newScreen(t)
	press(m, "x")
	press(m, "s")
	if len(m.Course().Events) != 0 {
		t.Fatal("a stray key during the stop question changed the course")
	}
	mustShow(t, *m, "Stop the course?")
	press(m, "esc")
	if strings.Contains(screenText(*m), "Stop the course?") {
		t.Fatal("esc did not cancel the stop question")
	}
	press(m, "x")
	press(m, "q")
	mustShow(t, *m, "keep reminding you in the background?")
}

func TestHelpAndQuit(t *testing.T) {
	m, _, _, _ := newScreen(t)
	if strings.Contains(screenText(*m), "restart") {
		t.Fatal("short help already lists restart")
	}
	press(m, "?")
	mustShow(t, *m, "restart phase", "stop course", "add 5 min")
	press(m, "q")
	mustShow(t, *m, "keep reminding you in the background?", "quit, no reminders")
	if cmd := press(m, "n"); cmd == nil {
		t.Fatal("n gave no command")
	} else if _, ok := cmd().(tea.QuitMsg); !ok || m.Background() {
		t.Fatal("n did not quit without reminders")
	}
}

// Quitting while the course runs never stops the reminders by accident
// (issue 9): it asks, esc stays, and a second q or ctrl+c keeps them.
func TestQuitAsksToKeepReminding(t *testing.T) {
	for _, second := range []string{"q", "ctrl+c", "y"} {
		m, _, _, _ := newScreen(t)
		press(m, "q")
		press(m, "esc")
		if strings.Contains(screenText(*m), "background?") {
			t.Fatal("esc did not take the question away")
		}
		press(m, "ctrl+c")
		cmd := press(m, second)
		if cmd == nil || !m.Background() {
			t.Fatalf("%s during the question: background %v", second, m.Background())
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s during the question did not quit", second)
		}
	}
}

// A skip the person made is never a reminder, not even when a reopened
// screen catches up on what passed since the last one.
func TestCatchUpLeavesOutThePersonsOwnKeys(t *testing.T) {
	clk := &clock{start.Add(50 * time.Minute)}
	var told [][]schedule.Transition
	c := schedule.Course{Preset: "ice-20-20", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
	}}}}
	// Skipped ice at 09:05 (rest until 09:25, ice from 09:25), then closed.
	c.Events = []schedule.Event{{Type: schedule.Skip, At: start.Add(5 * time.Minute)}}
	m := New(c, Config{Now: clk.now, Since: start.Add(time.Second), Notify: func(a Announcement) tea.Cmd {
		ts := a.Transitions
		told = append(told, ts)
		return nil
	}})
	send(&m, TickMsg{ID: m.id})
	if len(told) != 1 || len(told[0]) != 2 {
		t.Fatalf("reopening told %+v, want the scheduled changes at 09:25 and 09:45", told)
	}
	for _, tr := range told[0] {
		if tr.To.Cause != schedule.CauseScheduled {
			t.Fatalf("reopening told the %s at %v", tr.To.Cause, tr.At)
		}
	}
}

func TestTickAnnouncesTransitionsOnce(t *testing.T) {
	m, clk, _, told := newScreen(t)
	send(m, TickMsg{ID: m.id})
	if len(*told) != 0 {
		t.Fatal("a tick with no change notified")
	}
	// The laptop slept across two changes: one banner, one bell, one notify.
	clk.t = start.Add(45*time.Minute + 10*time.Millisecond)
	var cmd tea.Cmd
	*m, cmd = m.Update(TickMsg{ID: m.id})
	if len(*told) != 1 || len((*told)[0]) != 2 || (*told)[0][1].To.Kind != schedule.Ice {
		t.Fatalf("notified %+v, want both changes at once", *told)
	}
	if !bells(cmd) {
		t.Fatal("no bell at a transition")
	}
	mustShow(t, *m, "ICE ON since 09:40. Missed 2 changes while away.")
	send(m, TickMsg{ID: m.id})
	if len(*told) != 1 {
		t.Fatal("the same transitions were announced twice")
	}
	clk.t = clk.t.Add(bannerFor)
	send(m, TickMsg{ID: m.id})
	if strings.Contains(screenText(*m), "since 09:40") {
		t.Fatal("the banner stayed up")
	}
}

// bells reports whether cmd (a batch, perhaps) rings the terminal bell.
func bells(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.RawMsg:
		return msg.Msg == "\a"
	case tea.BatchMsg:
		for _, c := range msg {
			if bells(c) {
				return true
			}
		}
	}
	return false
}

func TestStaleTickDropped(t *testing.T) {
	m, clk, _, told := newScreen(t)
	clk.t = start.Add(21 * time.Minute)
	before := m.View().Content
	if cmd := send(m, TickMsg{ID: m.id + 1000}); cmd != nil {
		t.Fatal("a stale tick scheduled another")
	}
	if len(*told) != 0 || m.View().Content != before {
		t.Fatal("a stale tick changed the screen")
	}
}

// TestRedrawsOnlyOnVisibleChange checks that the frame is drawn again only
// when something shown changes: the time left once a minute, every second
// in the last; the bar a step at a time (20 minutes over at most 60 cells:
// a step every 20 s). The ticks between find the same frame, and the
// renderer writes nothing.
func TestRedrawsOnlyOnVisibleChange(t *testing.T) {
	m, clk, _, _ := newScreen(t)
	send(m, TickMsg{ID: m.id})
	frames := 1
	for range 59 { // 14:59.7 left to 14:00.7: "15 min"
		last := m.content
		clk.t = clk.t.Add(time.Second)
		send(m, TickMsg{ID: m.id})
		if m.shownScreen.remaining != 15*time.Minute {
			t.Fatalf("with %v left the screen shows %v", m.State().Remaining, m.shownScreen.remaining)
		}
		if m.content != last {
			frames++
		}
	}
	if frames > 4 {
		t.Errorf("%d frames in a minute of ticks, want one and the bar's steps, at most 4", frames)
	}
	clk.t = clk.t.Add(time.Second)
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "14 min left")
	clk.t = start.Add(20*time.Minute - 59*time.Second) // ice ends at 09:20
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "59 s left")
	clk.t = clk.t.Add(time.Second)
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "58 s left")
}

func TestResize(t *testing.T) {
	m, _, _, _ := newScreen(t)
	for _, size := range [][2]int{{80, 24}, {40, 12}, {120, 40}, {39, 12}, {40, 11}, {10, 2}} {
		send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		lines := strings.Split(screenText(*m), "\n")
		small := size[0] < MinWidth || size[1] < MinHeight
		if !small && len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%v: line %q is %d wide", size, l, w)
			}
		}
		if small != strings.Contains(screenText(*m), "too small") {
			t.Errorf("%v: too-small notice wrong:\n%s", size, screenText(*m))
		}
		if !strings.Contains(screenText(*m), "ICE") {
			t.Errorf("%v: what to do is missing", size)
		}
	}
}

func TestErrorLine(t *testing.T) {
	m, _, _, _ := newScreen(t)
	send(m, ErrorMsg{Err: errors.New("saving failed: disk full")})
	mustShow(t, *m, "saving failed: disk full")
	send(m, ErrorMsg{})
	if strings.Contains(screenText(*m), "disk full") {
		t.Fatal("a nil error did not clear the line")
	}
}

// A clock stepped back an hour (issue 10): the countdown follows the wall
// clock, never frozen or negative, and the next change is told at its
// wall-clock instant.
func TestClockSteppedBackAnHour(t *testing.T) {
	m, clk, _, told := newScreen(t)
	clk.t = start.Add(65 * time.Minute) // 10:05, ice until 10:20
	send(m, TickMsg{ID: m.id})
	n := len(*told)
	clk.t = start.Add(5 * time.Minute) // back to 09:05: ice until 09:20
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "15 min left")
	clk.t = start.Add(6 * time.Minute)
	send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "14 min left")
	clk.t = start.Add(20 * time.Minute)
	send(m, TickMsg{ID: m.id})
	if len(*told) != n+1 || (*told)[n][0].To.Kind != schedule.Rest {
		t.Fatalf("at 09:20 after the step back told %+v, want the change to rest", (*told)[n:])
	}
}

// A key, or a request from elsewhere, that comes right after the wall
// clock stepped back an hour, before the next tick, acts on the course the
// step moved: the put-on, seen before the step, is not told again.
func TestAnActionRightAfterAClockStepRepeatsNothing(t *testing.T) {
	ask := map[string]struct {
		act  func(*Model)
		left string // 15 min of ice were left: the step changes nothing
	}{
		"a key": {func(m *Model) { press(m, "+") }, "20 min left"},
		"a request": {func(m *Model) {
			send(m, RequestMsg{Action: schedule.Action{Verb: schedule.VerbExtend}, From: "another terminal",
				Apply: func(c schedule.Course) (schedule.Course, error) { return c, nil }})
		}, "15 min left"},
	}
	for name, ask := range ask {
		t.Run(name, func(t *testing.T) {
			var step time.Duration
			m, clk, _, told := newScreenWith(t, func(cfg *Config) {
				// The step is seen at the first reading after it, as
				// session.Stepped sees it.
				cfg.Steps = func(time.Time) time.Duration { d := step; step = 0; return d }
			})
			send(m, TickMsg{ID: m.id})
			n := len(*told)
			clk.t, step = clk.t.Add(-time.Hour), -time.Hour
			ask.act(m)
			send(m, TickMsg{ID: m.id})
			if len(*told) != n {
				t.Fatalf("after the step and %s, told again: %+v", name, (*told)[n:])
			}
			mustShow(t, *m, ask.left)
		})
	}
}

// `+` past the cap (PROTOCOLS.md section 7) says why and does nothing.
func TestExtendPastTheCapSaysWhy(t *testing.T) {
	m, _, saved, _ := newScreen(t)
	press(m, "+")
	press(m, "+")
	if len(*saved) != 2 {
		t.Fatalf("two extensions saved %d times", len(*saved))
	}
	press(m, "+") // 20 + 5 + 5 = 30 min: a third would pass the cap
	if len(*saved) != 2 {
		t.Fatal("a third extension past 30 min of ice was saved")
	}
	mustShow(t, *m, "lasts at most 30 min")
}

// A "remove the pack" reminder repeats until the ack key (issue 9), which
// the help bar lists only while it waits.
func TestRemoveReminderRepeatsUntilAcknowledged(t *testing.T) {
	m, clk, saved, told := newScreen(t)
	send(m, TickMsg{ID: m.id})
	if strings.Contains(ansi.Strip(m.View().Content), "pack is off") {
		t.Fatal("the help lists the ack key while the pack is on")
	}
	clk.t = start.Add(20 * time.Minute) // ice off
	send(m, TickMsg{ID: m.id})
	n := len(*told)
	clk.t = start.Add(22 * time.Minute)
	var cmd tea.Cmd
	*m, cmd = m.Update(TickMsg{ID: m.id})
	if len(*told) != n+1 || !bells(cmd) {
		t.Fatalf("no repeat with a bell at 2 min: told %d", len(*told)-n)
	}
	mustShow(t, *m, "Reminded again at 09:22")
	mustShow(t, *m, "pack is off")
	press(m, "a")
	if last := (*saved)[len(*saved)-1].Events; last[len(last)-1].Type != schedule.Ack {
		t.Fatalf("the ack key saved %+v", last)
	}
	clk.t = start.Add(24 * time.Minute)
	send(m, TickMsg{ID: m.id})
	if len(*told) != n+1 {
		t.Fatal("repeated after the acknowledgement")
	}
}

// `-` takes 5 minutes off the phase (issue 11).
func TestShortenKey(t *testing.T) {
	m, _, saved, _ := newScreen(t)
	press(m, "-")
	if len(*saved) != 1 {
		t.Fatal("- saved nothing")
	}
	if s := m.State(); s.Current.End != start.Add(15*time.Minute) {
		t.Fatalf("ice ends at %v after -, want 09:15", s.Current.End)
	}
}

// An acknowledgement from elsewhere (`icetimer ack`, the notification's
// button) is recorded like the key, only while a reminder waits.
func TestAckFromElsewhere(t *testing.T) {
	m, clk, saved, _ := newScreen(t)
	ack := RequestMsg{Action: schedule.Action{Verb: schedule.VerbAck}, From: "the notification",
		Apply: func(c schedule.Course) (schedule.Course, error) {
			next, err := c.Do(schedule.Action{Verb: schedule.VerbAck}, clk.now())
			if err == nil {
				*saved = append(*saved, next)
			}
			return next, err
		}}
	send(m, ack)
	if len(*saved) != 0 {
		t.Fatal("an ack with nothing waiting was saved")
	}
	clk.t = start.Add(20 * time.Minute)
	send(m, TickMsg{ID: m.id})
	send(m, ack)
	if len(*saved) != 1 || (*saved)[0].Events[0].Type != schedule.Ack {
		t.Fatalf("saved %+v, want the ack", *saved)
	}
	if got := screenText(*m); !strings.Contains(got, "(from the notification)") {
		t.Fatalf("the screen does not say where the ack came from:\n%s", got)
	}
}
