package timer

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// digitRows counts the rows of the big digits: the rows with blocks
// between the badge (the line with "·" or the headline) and the detail
// line.
func digitRows(screen string) int {
	lines := strings.Split(screen, "\n")
	n, in := 0, false
	for _, l := range lines {
		switch {
		case strings.Contains(l, "ICE ON"):
			in = true
		case strings.Contains(l, " left, "):
			return n
		case in && strings.ContainsAny(l, "█▀▄#"):
			n++
		}
	}
	return 0
}

// TestBigFillsEveryWindow lays the screen out at every size from 40x12 to
// 250x70 (and a few odd ones) at several remaining times: every line is the
// window's width, nothing is cut, the digits grow with the window, and at
// 120x40 they are at least 15 rows tall.
func TestBigFillsEveryWindow(t *testing.T) {
	sizes := [][2]int{{40, 12}, {41, 13}, {52, 15}, {80, 24}, {100, 30}, {120, 40}, {160, 50}, {250, 70}}
	for _, in := range []time.Duration{5 * time.Minute, 19*time.Minute + 30*time.Second} {
		prev := 0
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%dx%d at %s", size[0], size[1], in), func(t *testing.T) {
				m, clk, _, _ := newScreen(t)
				clk.t = start.Add(in)
				send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				text := screenText(*m)
				lines := strings.Split(text, "\n")
				if len(lines) != size[1] {
					t.Fatalf("%d lines, want %d:\n%s", len(lines), size[1], text)
				}
				for _, l := range lines {
					if w := ansi.StringWidth(l); w != size[0] {
						t.Errorf("line %q is %d wide, want %d", l, w, size[0])
					}
					if strings.Contains(l, "…") {
						t.Errorf("line %q was cut", l)
					}
				}
				mustBeCentred(t, lines)
				rows := digitRows(text)
				if rows < prev {
					t.Errorf("digits shrank from %d to %d rows", prev, rows)
				}
				prev = rows
				if size == [2]int{120, 40} && rows < 15 {
					t.Errorf("digits are %d rows tall at 120x40, want 15 or more:\n%s", rows, text)
				}
			})
		}
	}
}

// mustBeCentred checks that every run of lines drawn in blocks, and every
// other line, has as many spaces on its left as on its right (one more on
// the right for an odd number).
func mustBeCentred(t *testing.T, lines []string) {
	t.Helper()
	for i := 0; i < len(lines); {
		j := i + 1
		if strings.ContainsAny(lines[i], "█▀▄#") {
			for j < len(lines) && strings.ContainsAny(lines[j], "█▀▄#") {
				j++
			}
		}
		lead, trail := len(lines[i]), len(lines[i])
		for _, l := range lines[i:j] {
			if strings.TrimSpace(l) == "" {
				continue
			}
			r := []rune(l)
			lead = min(lead, len(r)-len([]rune(strings.TrimLeft(l, " "))))
			trail = min(trail, len(r)-len([]rune(strings.TrimRight(l, " "))))
		}
		if strings.TrimSpace(strings.Join(lines[i:j], "")) != "" && (trail-lead < 0 || trail-lead > 1) {
			t.Errorf("lines %d-%d are not centred (%d spaces left, %d right):\n%s", i, j-1, lead, trail, strings.Join(lines[i:j], "\n"))
		}
		i = j
	}
}
