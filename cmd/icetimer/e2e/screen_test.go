package e2e

import (
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestTimerScreenInTmux runs the real binary in a detached tmux pane: pick a
// preset, watch the countdown fall as the clock moves on (a stepped clock:
// the screen shows whole minutes), pause, see it hold, resume, quit. A
// second icetimer, in another window and with NO_COLOR, shows the course
// read-only: the same time left, the first one's pause, no colour.
func TestTimerScreenInTmux(t *testing.T) {
	s := newTmux(t)
	bin := binary
	clk := newSteppedClock(t)
	bin = "ICETIMER_TEST_CLOCK=" + clk.path + " " + bin
	const driving, watching = "driving", "watching"
	s.run(driving, bin)
	tmux := s.tmux
	screen := s.screen
	keys := s.keys
	waitFor := func(window, what string, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			sc := screen(window)
			if ok(sc) {
				return sc
			}
			if time.Now().After(deadline) {
				t.Fatalf("waited 10s for %s; screen:\n%s", what, sc)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	contains := func(sub string) func(string) bool { return func(s string) bool { return strings.Contains(s, sub) } }

	waitFor(driving, "the picker", contains("pick a cycle"))
	keys(driving, "Enter") // Ice 20 on, 20 off
	waitFor(driving, "the settings", contains("Quiet hours"))
	keys(driving, "Enter")
	first := left(t, waitFor(driving, "the countdown", contains("ICE ON")))
	clk.live(t, 2*time.Minute)
	waitFor(driving, "the countdown to fall", func(s string) bool { return leftOK(s) && left(t, s) < first })
	mustHaveColour(t, tmux("capture-pane", "-p", "-e", "-t", "t:"+driving), true)

	s.run(watching, "NO_COLOR=1 "+bin)
	waitFor(watching, "the read-only view", contains("Read-only: process"))
	waitFor(watching, "the same time left in both", func(s string) bool {
		d := screen(driving)
		return leftOK(s) && leftOK(d) && left(t, s) == left(t, d)
	})
	mustHaveColour(t, tmux("capture-pane", "-p", "-e", "-t", "t:"+watching), false)
	// The view's keys act through the screen that drives (issue 21).
	keys(watching, "s")
	waitFor(driving, "the skip asked by the view", contains("(from the view in process"))
	waitFor(driving, "the rest after the skip", contains("REST"))
	waitFor(watching, "the skip in the view", contains("REST"))

	keys(driving, "Space")
	held := left(t, waitFor(driving, "the pause", contains("PAUSED")))
	waitFor(watching, "the pause in the read-only view", func(s string) bool {
		return strings.Contains(s, "PAUSED") && leftOK(s) && left(t, s) == held
	})
	clk.live(t, 2*time.Minute)
	time.Sleep(1500 * time.Millisecond) // a paused countdown must not move
	if now := left(t, screen(driving)); now != held {
		t.Fatalf("paused countdown moved from %v to %v", held, now)
	}
	keys(driving, "Space")
	waitFor(driving, "the resume", contains("REST"))
	clk.live(t, 2*time.Minute)
	waitFor(driving, "the countdown to fall again", func(s string) bool { return leftOK(s) && left(t, s) < held })

	keys(watching, "q")
	keys(driving, "q")
	waitFor(driving, "the quit question", contains("background?"))
	keys(driving, "n")
	deadline := time.Now().Add(5 * time.Second)
	for exec.Command("tmux", "-L", s.sock, "has-session").Run() == nil {
		if time.Now().After(deadline) {
			t.Fatalf("q did not quit; screens:\n%s\n%s", screen(driving), screen(watching))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// colourSGR matches a colour in a Select Graphic Rendition sequence: a
// foreground or background of 8, 16, 256 or 24-bit colours.
var colourSGR = regexp.MustCompile(`\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m`)

// mustHaveColour checks whether a pane captured with its escapes shows
// colour (NO_COLOR must have none; without it, colour is the control).
func mustHaveColour(t *testing.T, pane string, want bool) {
	t.Helper()
	if got := colourSGR.FindString(pane); (got != "") != want {
		t.Fatalf("colour %q in the pane, want colour: %v\n%q", got, want, pane)
	}
}

var leftRE = regexp.MustCompile(`(\d+) min left`)

func leftOK(s string) bool { return leftRE.MatchString(s) }

// left reads the time left off the screen, in whole minutes.
func left(t *testing.T, s string) time.Duration {
	t.Helper()
	m := leftRE.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no remaining time on screen:\n%s", s)
	}
	var min int
	fmt.Sscan(m[1], &min)
	return time.Duration(min) * time.Minute
}
