package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/ui/bigtext"
)

// Issue 22 in a real terminal at 80x24: from the instant the ice ends, the
// big word is the removal, ICE OFF, and stays so, until a; then REST.
func TestTheBigWordIsTheRemovalUntilA(t *testing.T) {
	s := newTmux(t)
	s.run("screen", "env LANG=C.UTF-8 "+binary+" start --cycle 'ice 3s, rest 2m' --quiet off --sound off")
	s.waitFor("screen", "ICE ON", 10*time.Second)
	off := strings.Split(bigtext.Blocks.Render("ICE OFF", 2), "\n")
	rest := strings.Split(bigtext.Blocks.Render("REST", 2), "\n")
	screen := s.waitFor("screen", "ICE OFF · Take the ice pack off now, then press a", 10*time.Second)
	mustHoldRows(t, screen, off, "ICE OFF")
	// It stays while nobody answers: no REST, however long one looks.
	for end := time.Now().Add(3 * time.Second); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		screen = s.screen("screen")
		if strings.Contains(screen, "REST") || !strings.Contains(screen, "ICE OFF") {
			t.Fatalf("the removal gave way before a:\n%s", screen)
		}
	}
	mustHoldRows(t, screen, off, "ICE OFF")
	s.keys("screen", "a")
	screen = s.waitFor("screen", "REST · Pack off. Rest.", 5*time.Second)
	mustHoldRows(t, screen, rest, "REST")
	if strings.Contains(screen, "ICE OFF") {
		t.Fatalf("ICE OFF after a:\n%s", screen)
	}
}

// mustHoldRows checks that screen shows word in big letters: every row of
// its blocks (rows), one under the other. tmux leaves out the spaces that
// end a line, so the rows are compared without theirs.
func mustHoldRows(t *testing.T, screen string, rows []string, word string) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	for i := 0; i+len(rows) <= len(lines); i++ {
		found := true
		for k, r := range rows {
			found = found && strings.Contains(lines[i+k], strings.TrimRight(r, " "))
		}
		if found {
			return
		}
	}
	t.Fatalf("the screen does not show %s in big letters:\n%s", word, screen)
}
