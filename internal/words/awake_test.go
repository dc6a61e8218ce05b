package words

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

func TestGoingToSleep(t *testing.T) {
	now := time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC)
	for _, tc := range []struct {
		kind  schedule.Kind
		off   time.Time
		phone bool
		line  string
	}{
		{schedule.Ice, now.Add(15 * time.Minute), true,
			"14:05:00  The computer is going to sleep with the ice pack on: the phone will remind you. Take it off at 14:20."},
		{schedule.Heat, time.Time{}, false,
			"14:05:00  The computer is going to sleep with the heat pack on. Nothing reminds you while it sleeps: take it off now."},
	} {
		if got := GoingToSleep(tc.kind, tc.off, now, tc.phone, time.UTC); got.Line != tc.line || got.Urgent || got.Ack != "" {
			t.Errorf("GoingToSleep(%s, phone %t) = %+v, want the line %q", tc.kind, tc.phone, got, tc.line)
		}
	}
	if got, want := AwakeWhy(schedule.Ice), "Ice pack on: icetimer reminds you to take it off"; got != want {
		t.Errorf("AwakeWhy = %q, want %q", got, want)
	}
}
