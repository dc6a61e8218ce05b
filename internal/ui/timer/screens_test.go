package timer

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/icetimer/icetimer/internal/schedule"
)

// bigRows counts the rows of the big headline and of the big digits on a
// screen's text: the digits are the rows with blocks right above the
// detail line ("... left, ..."), the headline those right above the badge
// (the row above the digits' rows and their gap).
func bigRows(screen string) (head, digits int) {
	lines := strings.Split(screen, "\n")
	big := func(i int) bool {
		return i >= 0 && strings.ContainsAny(lines[i], "█▀▄#") && !strings.Contains(lines[i], "░")
	}
	detail := -1
	for i, l := range lines {
		if strings.Contains(l, " left, ") || strings.Contains(l, " left") && strings.Contains(l, "paused") {
			detail = i
			break
		}
	}
	i := detail - 1
	for ; big(i); i-- {
		digits++
	}
	for i >= 0 && !big(i) {
		i-- // the gap, the action, the badge
	}
	for ; big(i); i-- {
		head++
	}
	return head, digits
}

func stripped(s string) string { return ansi.Strip(s) }

// lineWith is the line of content that holds text; "" when none does.
func lineWith(content, text string) string {
	for _, l := range strings.Split(content, "\n") {
		if strings.Contains(ansi.Strip(l), text) {
			return l
		}
	}
	return ""
}

// ansi256 is how a terminal of 256 colours is told to draw in c, as
// render writes it: "38;5;203".
func ansi256(t *testing.T, c color.Color) string {
	t.Helper()
	conv, ok := colorprofile.ANSI256.Convert(c).(ansi.IndexedColor)
	if !ok {
		t.Fatalf("%v has no 256-colour index", c)
	}
	return fmt.Sprintf("38;5;%d", conv)
}

// screenCases are the screens pinned as text at three sizes: the moment a
// pack must come off (by day and for the night), the night, a pause and a
// rest of hours.
var screenCases = []struct {
	name string
	open func(t *testing.T) Model
}{
	{"removal", func(t *testing.T) Model {
		m, clk, _, _ := newScreen(t)
		clk.t = start.Add(20*time.Minute + 30*time.Second)
		send(m, TickMsg{ID: m.id})
		return *m
	}},
	{"night-removal", func(t *testing.T) Model { return nightScreen(t, 23*time.Hour+30*time.Second) }},
	{"night", func(t *testing.T) Model {
		m := nightScreen(t, 23*time.Hour+30*time.Second)
		press(&m, "a")
		return m
	}},
	{"paused", func(t *testing.T) Model {
		m, _, _, _ := newScreen(t)
		press(m, "space")
		return *m
	}},
	{"hours", func(t *testing.T) Model {
		clk := &clock{start.Add(20 * time.Minute)}
		c := schedule.Course{Preset: "custom", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
			Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 4 * time.Hour}},
		}}}}
		m := New(c, Config{Now: clk.now})
		press(&m, "a")
		clk.t = start.Add(23*time.Minute + 30*time.Second)
		send(&m, TickMsg{ID: m.id})
		return m
	}},
}

// digitRowsAt is how tall the digits are at each size pinned: the time is
// the biggest thing on the screen, 8 rows or more at 80x24.
var digitRowsAt = map[[2]int]int{{40, 12}: 5, {80, 24}: 8, {120, 40}: 20}

// TestGoldenScreens pins the screens of screenCases as text, and checks the
// height of their digits and that their headline is smaller. Regenerate
// with -update, and look at what changed.
func TestGoldenScreens(t *testing.T) {
	for _, tc := range screenCases {
		for _, size := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				m := tc.open(t)
				send(&m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				text := screenText(m)
				head, digits := bigRows(text)
				if digits != digitRowsAt[size] || head >= digits {
					t.Errorf("digits %d rows (want %d), headline %d:\n%s", digits, digitRowsAt[size], head, text)
				}
				golden.RequireEqual(t, []byte(text))
			})
		}
	}
}
