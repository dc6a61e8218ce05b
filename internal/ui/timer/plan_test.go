package timer

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/advice"
)

// digitsAt is where the digits are on a screen's text: the row of the
// detail line under them, and their height.
func digitsAt(t *testing.T, screen string) (detail, rows int) {
	t.Helper()
	_, rows = bigRows(screen)
	for i, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, " left") {
			return i, rows
		}
	}
	t.Fatalf("no detail line:\n%s", screen)
	return 0, 0
}

// What comes and goes (a banner, a problem, the check-in, a question,
// advice) takes the rows the layout keeps and the small lines' rows: the
// digits keep their size and their place (issue 22).
func TestDigitsKeepTheirSizeAndPlace(t *testing.T) {
	comings := map[string]func(m *Model){
		"banner": func(m *Model) {
			m.banner, m.bannerUntil = "REST since 09:20. Missed 3 changes while away.", m.now().Add(time.Minute)
			send(m, TickMsg{ID: m.id})
		},
		"problem": func(m *Model) {
			send(m, ErrorMsg{Err: errors.New("saving failed, the timer goes on: no space left on device")})
		},
		"check-in":             func(m *Model) { press(m, "p") },
		"stop":                 func(m *Model) { press(m, "x") },
		"quit":                 func(m *Model) { press(m, "q") },
		"went on":              func(m *Model) { press(m, "o"); press(m, "1"); press(m, "2") },
		"advice":               func(m *Model) { send(m, AdviceMsg{Given: []advice.Given{{Rule: advice.Worsening}}}) },
		"check-in and problem": func(m *Model) { press(m, "p"); send(m, ErrorMsg{Err: errors.New("desktop notification timed out")}) },
	}
	for _, size := range [][2]int{{40, 12}, {52, 15}, {80, 24}, {100, 30}, {120, 40}, {250, 70}} {
		m, _, _, _ := newScreen(t)
		send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		detail, rows := digitsAt(t, screenText(*m))
		if size == [2]int{80, 24} && rows < 8 {
			t.Errorf("80x24: digits %d rows, want 8 or more", rows)
		}
		for name, come := range comings {
			t.Run(fmt.Sprintf("%dx%d %s", size[0], size[1], name), func(t *testing.T) {
				m, _, _, _ := newScreen(t)
				send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				come(m)
				text := screenText(*m)
				if d, r := digitsAt(t, text); d != detail || r != rows {
					t.Errorf("the digits moved from %d rows ending at row %d to %d rows ending at %d:\n%s", rows, detail, r, d, text)
				}
			})
		}
	}
}
