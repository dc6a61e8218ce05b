package timer

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
)

func TestCourseNameAndHour(t *testing.T) {
	m, clk, _, _ := newScreen(t)
	m.course.Preset = "ice-20-20"
	m.course.Protocol.Stages[0].Window = 72 * time.Hour
	clk.t = start.Add(29*time.Hour + 5*time.Minute)
	send(m, TickMsg{ID: m.id})
	// The course's line is the first small line to give way to the digits.
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	mustShow(t, *m, "Ice 20 on, 20 off · hour 30 of 72")
}

func TestRestSaysWhatComesAndHowToPrepare(t *testing.T) {
	m, clk, _, _ := newScreen(t)
	clk.t = start.Add(25 * time.Minute)
	send(m, TickMsg{ID: m.id})
	press(m, "a")
	mustShow(t, *m, "REST", "Ice at 09:40: have the cold pack and a towel ready.")
	clk.t = start.Add(45 * time.Minute)
	send(m, TickMsg{ID: m.id})
	if strings.Contains(screenText(*m), "have the cold pack") {
		t.Fatal("the preparation line stays during ice")
	}
}

func TestDoneSummarySaysHowItEnded(t *testing.T) {
	m, clk, _, _ := newScreen(t)
	clk.t = start.Add(55 * time.Minute) // ice, rest, then ice stopped 15 min in
	send(m, TickMsg{ID: m.id})
	press(m, "x")
	press(m, "y")
	mustShow(t, *m, "DONE", "Stopped at 09:55. Ice: 2, 35 min on. Heat: 0, 0 min on.")
}

func TestWindowTitleHasTheTimeLeft(t *testing.T) {
	m, _, _, _ := newScreen(t)
	if got := m.View().WindowTitle; got != "icetimer: ICE ON, 15 min left" {
		t.Fatalf("title %q", got)
	}
}

func TestHelpSaysResumeWhilePausedAndLessWhileOpen(t *testing.T) {
	m, _, _, _ := newScreen(t)
	mustShow(t, *m, "space pause", "? more")
	press(m, "space")
	mustShow(t, *m, "space resume")
	press(m, "?")
	mustShow(t, *m, "? less")
	if strings.Contains(screenText(*m), "? more") {
		t.Fatal(`"? more" stays while the full help is open`)
	}
}

func TestWentOnMinutesAgo(t *testing.T) {
	m, clk, saved, _ := newScreen(t) // ice since 09:00, 5 min in
	clk.t = start.Add(10 * time.Minute)
	send(m, TickMsg{ID: m.id})
	press(m, "o")
	mustShow(t, *m, "went on how many minutes ago?")
	press(m, "3")
	send(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	// The pack went on at 09:07: 20 minutes from then.
	if got := m.State().Current.End; !got.Equal(start.Add(27 * time.Minute)) {
		t.Fatalf("the phase ends at %v, want 09:27", got)
	}
	if len(*saved) == 0 || lastEvent(t, *m).Type != schedule.Restart {
		t.Fatal("the change was not saved as a restart")
	}
	mustShow(t, *m, "17 min left")

	press(m, "o")
	press(m, "9")
	send(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	mustShow(t, *m, "give at most 3")
	if got := m.State().Current.End; !got.Equal(start.Add(27 * time.Minute)) {
		t.Fatalf("a refused answer moved the end to %v", got)
	}
	press(m, "o")
	press(m, "1")
	press(m, "esc")
	if got := m.State().Current.End; !got.Equal(start.Add(27 * time.Minute)) {
		t.Fatalf("esc moved the end to %v", got)
	}
}

// o early in the first phase can say the pack went on before the course
// was started: the course then starts at that instant (issue 22).
func TestWentOnBeforeTheStart(t *testing.T) {
	m, clk, saved, _ := newScreen(t)
	clk.t = start.Add(time.Minute)
	send(m, TickMsg{ID: m.id})
	press(m, "o")
	press(m, "3")
	send(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	if len(*saved) != 1 || !(*saved)[0].Start.Equal(start.Add(-2*time.Minute)) {
		t.Fatalf("saved %+v, want the course started at 08:58", *saved)
	}
	mustShow(t, *m, "17 min left")
}

// A key that would change nothing says why, and saves nothing (issue 22):
// + in an ice that quiet hours cut short.
func TestAKeyThatChangesNothingSaysWhy(t *testing.T) {
	m, clk, saved, _ := newScreen(t)
	m.course.Quiet = schedule.QuietHours{Enabled: true, Start: 9*time.Hour + 20*time.Minute, End: 7 * time.Hour, Location: time.UTC}
	clk.t = start.Add(10 * time.Minute) // ice until 09:20, when the night begins
	send(m, TickMsg{ID: m.id})
	press(m, "+")
	if len(*saved) != 0 {
		t.Fatalf("+ into quiet hours saved %+v", *saved)
	}
	mustShow(t, *m, "this ice ends at 09:20 for the night")
	press(m, "space")
	if strings.Contains(screenText(*m), "for the night") {
		t.Fatal("the reason stays after a key that did something")
	}
}

func TestProblemsWrapAtAnyWidthAndClear(t *testing.T) {
	m, _, _, _ := newScreen(t)
	for _, w := range []int{40, 80, 120} {
		long := fmt.Sprintf("desktop notifications failed at %d columns: org.freedesktop.Notifications was not provided by any .service files", w)
		send(m, tea.WindowSizeMsg{Width: w, Height: 24})
		send(m, ErrorMsg{Err: errString(long)})
		got := strings.Join(strings.Fields(screenText(*m)), " ")
		if !strings.Contains(got, long) {
			t.Fatalf("%d columns: the error is cut:\n%s", w, screenText(*m))
		}
	}
	send(m, ErrorMsg{})
	if strings.Contains(screenText(*m), "notifications failed") {
		t.Fatal("the error stays after it was resolved")
	}
}

// A problem that comes again (the desktop that cannot be reached, at every
// reminder) is told in full once, then dim on one row, cut to the width.
func TestAProblemToldAgainIsDimOnOneRow(t *testing.T) {
	m, _, _, _ := newScreen(t)
	long := "desktop notification failed: org.freedesktop.Notifications was not provided by any .service files"
	send(m, ErrorMsg{Err: errString(long)})
	first := screenText(*m)
	if !strings.Contains(strings.Join(strings.Fields(first), " "), long) {
		t.Fatalf("the first time is not in full:\n%s", first)
	}
	send(m, ErrorMsg{})
	send(m, ErrorMsg{Err: errString(long)})
	again := m.View().Content
	var rows []string
	for _, l := range strings.Split(again, "\n") {
		if strings.Contains(l, "desktop notification") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 1 || !strings.Contains(rows[0], "\x1b[2m") || !strings.Contains(rows[0], "…") {
		t.Fatalf("told again on %d rows, want one dim row cut short:\n%q", len(rows), rows)
	}
	send(m, ErrorMsg{Err: errString("saving failed: disk full")})
	if !strings.Contains(m.View().Content, "saving failed: disk full") || strings.Contains(screenText(*m), "desktop notification") {
		t.Fatalf("another problem does not replace it:\n%s", screenText(*m))
	}
}

type errString string

func (e errString) Error() string { return string(e) }
