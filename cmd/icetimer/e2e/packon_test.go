package e2e

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// Issue 25 in a real terminal, on a stepped clock: the course's put-on
// waits for a (the help lists "a it's on"), the skin check comes 8
// minutes into the ice, n ends the ice with its remove reminder, which
// waits for a, and the next put-on waits again until a counts the ice
// from then.
func TestSkinCheckAndPutOnInTmux(t *testing.T) {
	s := newTmux(t)
	c := newSteppedClock(t)
	s.run("screen", "env ICETIMER_TEST_CLOCK="+c.path+" "+binary+" start --cycle 'ice 20m, rest 20m' --quiet off")
	s.waitFor("screen", "a it's on", 10*time.Second)
	saved := openTestStore(t, s.state)
	s.keys("screen", "a")
	last := waitForEvent(t, saved, schedule.Confirm, 5*time.Second)

	c.live(t, 8*time.Minute)
	s.waitFor("screen", "Skin check: still just cold or aching? k fine, n numb or white", 5*time.Second)
	s.keys("screen", "n")
	s.waitFor("screen", "Skin numb or white", 5*time.Second)
	s.waitFor("screen", "a pack is off", 5*time.Second)
	numb := waitForEvent(t, saved, schedule.Numb, 5*time.Second)
	if got := numb.At.Sub(last.At); got < 8*time.Minute || got > 8*time.Minute+5*time.Second {
		t.Fatalf("numb %v after the confirmation, want about 8 min", got)
	}
	s.keys("screen", "a")
	waitForEvent(t, saved, schedule.Ack, 5*time.Second)

	c.live(t, 20*time.Minute) // the rest after the numb is over: ice again
	s.waitFor("screen", "a it's on", 5*time.Second)
	c.live(t, 3*time.Minute)
	time.Sleep(1500 * time.Millisecond) // a tick at the new time, before the key
	s.keys("screen", "a")
	confirm := waitForEvent(t, saved, schedule.Confirm, 5*time.Second)
	course, err := saved.Load()
	if err != nil {
		t.Fatal(err)
	}
	if st := course.StateAt(confirm.At); st.Current.Kind != schedule.Ice || !st.Current.End.Equal(confirm.At.Add(20*time.Minute)) {
		t.Fatalf("after the confirmation at %v the ice ends %v, want 20 min from it", confirm.At, st.Current.End)
	}
}

// waitForEvent waits for the saved course's latest event to be of type
// typ, and gives it.
func waitForEvent(t *testing.T, s *store.Store, typ schedule.EventType, within time.Duration) schedule.Event {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		c, err := s.Load()
		if err == nil && len(c.Events) > 0 && c.Events[len(c.Events)-1].Type == typ {
			return c.Events[len(c.Events)-1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s event saved within %v (%v): %+v", typ, within, err, c.Events)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Before the first course the picker offers the safety questions; c asks
// them on the terminal, one key each, and keeps the answers.
func TestPickerOffersTheSafetyQuestionsInTmux(t *testing.T) {
	s := newTmux(t)
	s.runSized("picker", 100, 30, binary)
	s.waitFor("picker", "First time? c asks five safety questions", 10*time.Second)
	s.keys("picker", "c")
	s.waitFor("picker", "1/5 Do your fingers or toes turn white", 5*time.Second)
	s.keys("picker", "y")
	for i := 2; i <= 5; i++ {
		s.waitFor("picker", fmt.Sprintf("%d/5 ", i), 5*time.Second)
		s.keys("picker", "n")
	}
	s.waitFor("picker", "Ask a clinician before using cold.", 5*time.Second)
	deadline := time.Now().Add(5 * time.Second)
	for strings.Contains(s.screen("picker"), "First time?") {
		if time.Now().After(deadline) {
			t.Fatalf("the offer stayed after the questions:\n%s", s.screen("picker"))
		}
		time.Sleep(50 * time.Millisecond)
	}
	a, err := openTestStore(t, s.state).SafetyAnswers()
	if err != nil || len(a.Yes) != 5 || !a.CautionFor(schedule.Ice) || a.CautionFor(schedule.Heat) {
		t.Fatalf("answers kept %+v (%v)", a, err)
	}
	if _, err := os.Stat(filepath.Join(s.state, "icetimer", "history.jsonl")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("history after the questions: %v", err)
	}
}
