package words

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

func change(from, to schedule.Kind, cause schedule.Cause) schedule.Transition {
	return schedule.Transition{At: time.Date(2026, 11, 21, 9, 20, 0, 0, time.UTC),
		From: schedule.Segment{Kind: from}, To: schedule.Segment{Kind: to, Cause: cause}}
}

// While a change waits for the person, the screen says what to do, not
// where the course is: REST only once the pack is off.
func TestWaitingSaysWhatToDo(t *testing.T) {
	for _, tc := range []struct {
		t      schedule.Transition
		head   string
		action Said
	}{
		{change(schedule.Ice, schedule.Rest, schedule.CauseScheduled), "ICE OFF", Said{"Take the ice pack off now, then press a", "Ice pack off now, then press a"}},
		{change(schedule.Heat, schedule.Rest, schedule.CauseScheduled), "HEAT OFF", Said{"Take the heat pack off now, then press a", "Heat pack off now, then press a"}},
		{change(schedule.Ice, schedule.Quiet, schedule.CauseScheduled), "ICE OFF", Said{"Take the ice pack off for the night, then press a", "Ice pack off for the night; press a"}},
		{change(schedule.Rest, schedule.Ice, schedule.CauseScheduled), "PUT ICE ON", Said{"Put the ice pack on, then press a", "Put the ice pack on, then press a"}},
		{change(schedule.Quiet, schedule.Heat, schedule.CauseScheduled), "PUT HEAT ON", Said{"Put the heat pack on, then press a", "Put the heat pack on, then press a"}},
		{change(schedule.Rest, schedule.Done, schedule.CauseScheduled), "", Said{}},
		{change(schedule.Ice, schedule.Rest, schedule.CauseSkip), "", Said{}},
	} {
		head, action := Waiting(tc.t)
		if head != tc.head || action != tc.action {
			t.Errorf("%s to %s: %q, %q; want %q, %q", tc.t.From.Kind, tc.t.To.Kind, head, action, tc.head, tc.action)
		}
		if len(action.Short) > 38 {
			t.Errorf("%q is too long for a 40-column screen", action.Short)
		}
	}
}

// The banner names a removal as the removal, and missed changes in the
// reminder's words.
func TestChangeBanner(t *testing.T) {
	off := change(schedule.Ice, schedule.Rest, schedule.CauseScheduled)
	on := change(schedule.Rest, schedule.Ice, schedule.CauseScheduled)
	if got := ChangeBanner([]schedule.Transition{off}, time.UTC); got != "ICE OFF since 09:20" {
		t.Errorf("removal banner %q", got)
	}
	if got := ChangeBanner([]schedule.Transition{off, on, off}, time.UTC); got != "ICE OFF since 09:20. Missed 3 changes while away." {
		t.Errorf("missed banner %q", got)
	}
	if got := ChangeBanner([]schedule.Transition{on}, time.UTC); got != "ICE ON since 09:20" {
		t.Errorf("put-on banner %q", got)
	}
}

func TestCountsSayOneInTheSingular(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{Count(1, "check-in"), "1 check-in"},
		{Count(7, "check-in"), "7 check-ins"},
		{Count(0, "change"), "0 changes"},
		{Applications(7, 2*time.Minute), "7 times, 2 min in all"},
		{Applications(1, 20*time.Minute), "1 time, 20 min"},
		{Applications(3, 80*time.Minute), "3 times, 1 h 20 min in all"},
		{Applications(0, 0), "-"},
	} {
		if tc.got != tc.want {
			t.Errorf("%q, want %q", tc.got, tc.want)
		}
	}
}

// The read-only line names the driving process by program and command, so
// that it fits a screen.
func TestReadOnlyLineIsShort(t *testing.T) {
	for command, want := range map[string]string{
		"icetimer":     "Read-only: process 42 (icetimer) drives this course",
		"icetimer run": "Read-only: process 42 (icetimer run) drives this course",
		"icetimer start --cycle ice 20m, rest 20m --window 48h --then heat 20m, rest 20m --quiet off": "Read-only: process 42 (icetimer start ...) drives this course",
		"icetimer --sound off": "Read-only: process 42 (icetimer ...) drives this course",
	} {
		if got := ReadOnly(42, command); got != want {
			t.Errorf("%q: %q, want %q", command, got, want)
		}
	}
}
