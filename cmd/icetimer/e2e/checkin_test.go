package e2e

import (
	"testing"
	"time"
)

// Issue 14 in a real terminal: when the pack comes off the screen asks for
// a pain score, and one key records it with the saved course.
func TestCheckInKeyInTmux(t *testing.T) {
	s := newTmux(t)
	s.run("screen", binary+" start --cycle 'ice 2s, rest 30s' --quiet off")
	s.waitFor("screen", "Pain now?", 10*time.Second)
	s.keys("screen", "7")
	store := openTestStore(t, s.state)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if c, err := store.Load(); err == nil && len(c.Pain) == 1 && c.Pain[0].Score == 7 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no pain score 7 saved within 5 s; screen:\n%s", s.screen("screen"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
