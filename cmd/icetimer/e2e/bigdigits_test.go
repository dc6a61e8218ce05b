package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestDigitsFillA120x40Pane runs the built binary in a 120x40 tmux pane and
// measures the big digits on the captured screen: the rows drawn in blocks
// right above the "left, until" line must be 15 or more, so that the
// minutes read from across a room.
func TestDigitsFillA120x40Pane(t *testing.T) {
	s := newTmux(t)
	s.runSized("big", 120, 40, "env LANG=C.UTF-8 "+binary+" start --cycle 'ice 20 min, rest 20 min'")
	screen := s.waitFor("big", " left, until ", 10*time.Second)
	lines := strings.Split(screen, "\n")
	rows := 0
	for i, l := range lines {
		if strings.Contains(l, " left, until ") {
			for k := i - 1; k >= 0 && strings.ContainsAny(lines[k], "█▀▄"); k-- {
				rows++
			}
			break
		}
	}
	if rows < 15 {
		t.Fatalf("the digits are %d rows tall at 120x40, want 15 or more:\n%s", rows, screen)
	}
	t.Logf("digits: %d rows at 120x40", rows)
}
