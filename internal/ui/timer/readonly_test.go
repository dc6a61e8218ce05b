package timer

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/schedule"
)

const holderLine = "Read-only: process 4242 (icetimer) drives this course"

// newReadOnly is newScreen's course shown read-only; Save and Notify are
// given, and must never be called.
func newReadOnly(t *testing.T, c schedule.Course) (*Model, *clock, *int) {
	t.Helper()
	clk := &clock{start.Add(5*time.Minute + 300*time.Millisecond)}
	calls := 0
	m := New(c, Config{
		Now:      clk.now,
		ReadOnly: holderLine,
		Save:     func(schedule.Course) tea.Cmd { calls++; return nil },
		Notify: func(Announcement) tea.Cmd {
			calls++
			return nil
		},
	})
	send(&m, tea.WindowSizeMsg{Width: 80, Height: 24})
	return &m, clk, &calls
}

func iceCourse(t *testing.T) schedule.Course {
	t.Helper()
	m, _, _, _ := newScreen(t)
	return m.Course()
}

// mustOfferChanges checks whether the help bar lists the keys that change
// the course, short and full.
func mustOfferChanges(t *testing.T, m *Model, want bool) {
	t.Helper()
	for range 2 { // short help, then full help after "?"
		screen := screenText(*m)
		if !strings.Contains(screen, "q quit") {
			t.Fatalf("no help bar:\n%s", screen)
		}
		for _, word := range []string{"pause", "skip", "add 5 min", "restart phase", "stop course"} {
			if m.help.ShowAll || word == "pause" || word == "skip" {
				if strings.Contains(screen, word) != want {
					t.Fatalf("help lists %q: %v, want %v:\n%s", word, !want, want, screen)
				}
			}
		}
		press(m, "?")
	}
}

func TestReadOnlyKeysOnlyPointToTheDriver(t *testing.T) {
	m, clk, calls := newReadOnly(t, iceCourse(t))
	mustShow(t, *m, holderLine+".", "ICE ON", "15 min left")
	mustOfferChanges(t, m, false)
	for _, k := range []string{"space", "s", "+", "r", "x"} {
		if cmd := press(m, k); cmd != nil {
			t.Fatalf("%s gave a command", k)
		}
		mustShow(t, *m, holderLine+".", "Change the course there", "ICE ON", "15 min left")
		if strings.Contains(screenText(*m), "Stop the course?") {
			t.Fatal("x asked to stop a read-only course")
		}
	}
	press(m, "y") // would confirm a stop
	if len(m.Course().Events) != 0 || *calls != 0 {
		t.Fatalf("keys changed the course (%d events) or saved/notified (%d)", len(m.Course().Events), *calls)
	}
	clk.t = clk.t.Add(hintFor)
	send(m, TickMsg{ID: m.id})
	if strings.Contains(screenText(*m), "Change the course there") {
		t.Fatal("the hint stayed up")
	}
	if cmd := press(m, "q"); cmd == nil {
		t.Fatal("q does not quit a read-only screen")
	}
}

// With a way to reach the driving process (the control socket), a
// read-only screen is a remote control: its keys ask that process, the
// help bar lists them, and the answer shows as a banner or a problem.
func TestReadOnlyKeysAskTheDriver(t *testing.T) {
	m, _, calls := newReadOnly(t, iceCourse(t))
	var asked []schedule.Action
	m.cfg.Remote = func(a schedule.Action) tea.Cmd {
		asked = append(asked, a)
		return func() tea.Msg { return RemoteDoneMsg{Said: "asked"} }
	}
	send(m, TickMsg{ID: m.id})
	mustOfferChanges(t, m, true)
	press(m, "space")
	press(m, "+")
	press(m, "x")
	mustShow(t, *m, "Stop the course?")
	press(m, "y")
	press(m, "p")
	press(m, "5")
	want := []schedule.Verb{schedule.VerbPause, schedule.VerbExtend, schedule.VerbStop, schedule.VerbPain}
	if len(asked) != len(want) {
		t.Fatalf("asked %+v, want %v", asked, want)
	}
	for i, v := range want {
		if asked[i].Verb != v {
			t.Fatalf("asked %+v, want %v", asked, want)
		}
	}
	if asked[3].Score != 5 {
		t.Fatalf("the view asked for pain %d, want 5", asked[3].Score)
	}
	if len(m.Course().Events) != 0 || len(m.Course().Pain) != 0 || *calls != 0 {
		t.Fatal("a remote control changed its own copy of the course or saved it")
	}
	send(m, RemoteDoneMsg{Said: "paused: take the ice pack off while paused"})
	mustShow(t, *m, "Paused: take the ice pack off while paused")
	send(m, RemoteDoneMsg{Err: errors.New("one ice application lasts at most 30 min")})
	mustShow(t, *m, "one ice application lasts at most 30 min")
}

func TestReadOnlyFollowsReloads(t *testing.T) {
	c := iceCourse(t)
	m, clk, calls := newReadOnly(t, c)

	// The driving process paused a minute ago.
	paused := c
	paused.Events = []schedule.Event{{Type: schedule.Pause, At: start.Add(4 * time.Minute)}}
	send(m, ReloadedMsg{Course: paused})
	mustShow(t, *m, "PAUSED", "16 min left, paused")
	if strings.Contains(screenText(*m), "Space resumes") {
		t.Fatal("a read-only screen offers to resume")
	}

	send(m, ReloadedMsg{Err: errors.New("permission denied")})
	mustShow(t, *m, "cannot read the course again: permission denied", "PAUSED")

	send(m, ReloadedMsg{Gone: true})
	mustShow(t, *m, holderLine, "NO COURSE", "it was stopped")
	if !m.Gone() || m.State() != (schedule.State{}) {
		t.Fatal("a gone course still has a state")
	}
	mustOfferChanges(t, m, false)
	clk.t = clk.t.Add(30 * time.Minute) // ticks and keys with no course
	send(m, TickMsg{ID: m.id})
	press(m, "s")

	// A new course started there; its changes show, with a banner, no bell.
	fresh := c
	fresh.Start = start.Add(30 * time.Minute)
	clk.t = fresh.Start.Add(21*time.Minute + 990*time.Millisecond)
	send(m, ReloadedMsg{Course: fresh})
	// The removal waits for the person there, so here too it reads ICE OFF.
	mustShow(t, *m, "ICE OFF", "19 min left")
	clk.t = clk.t.Add(20 * time.Minute)
	cmd := send(m, TickMsg{ID: m.id})
	mustShow(t, *m, "ICE ON since 10:10")
	if bells(cmd) || *calls != 0 {
		t.Fatalf("a read-only screen rang the bell or notified (%d calls)", *calls)
	}
}

func TestDoneHelpOffersNoChanges(t *testing.T) {
	m, _, _, _ := newScreen(t)
	mustOfferChanges(t, m, true)
	press(m, "x")
	press(m, "y")
	mustShow(t, *m, "DONE")
	mustOfferChanges(t, m, false)
}

// What comes from outside (the holder's line, a problem's text) reaches the
// terminal as text: an escape sequence in it is shown escaped, never sent.
func TestOutsideTextIsShownEscaped(t *testing.T) {
	hostile := "\x1b]0;pwned\x07\x1b[2J\u009b"
	m := New(iceCourse(t), Config{Now: func() time.Time { return start }, ReadOnly: "Read-only: process 1 (" + hostile + ")"})
	send(&m, tea.WindowSizeMsg{Width: 100, Height: 30})
	send(&m, ReloadedMsg{Err: errors.New("cannot read " + hostile)})
	content := m.View().Content
	if strings.Contains(content, "\x1b]0;pwned") || strings.Contains(content, "\x1b[2J") || strings.Contains(content, "\u009b") {
		t.Errorf("the screen sent the escape sequences:\n%q", content)
	}
	if got := strings.Count(ansi.Strip(content), `\x1b]0;pwned\x07\x1b[2J\u009b`); got != 2 {
		t.Errorf("the screen shows the escaped text %d times, want 2 (holder and problem):\n%s", got, ansi.Strip(content))
	}
}

// The read-only line is wrapped, never cut, at 80 columns and at 40.
func TestReadOnlyLineIsNeverCut(t *testing.T) {
	long := "Read-only: process 4242424 (icetimer start ...) drives this course, as it has since Saturday morning"
	for _, w := range []int{40, 80} {
		m := New(iceCourse(t), Config{Now: (&clock{start.Add(5 * time.Minute)}).now, ReadOnly: long})
		send(&m, tea.WindowSizeMsg{Width: w, Height: 24})
		got := screenText(m)
		if !strings.Contains(strings.Join(strings.Fields(got), " "), long+".") || strings.Contains(got, "…") {
			t.Errorf("%d columns: the read-only line is cut:\n%s", w, got)
		}
	}
}
