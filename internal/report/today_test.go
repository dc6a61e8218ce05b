package report

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/store"
)

// Today counts the whole day: a course stopped this morning and the one
// running now, not the running one alone.
func TestTodayCountsTheDayHistoryIncluded(t *testing.T) {
	loc := berlin(t)
	at := func(h, m int) time.Time { return time.Date(2026, 11, 21, h, m, 0, 0, loc) }
	// heat 08:00-08:20, 08:40-(stop 08:50).
	morning := stopped(custom(t, "heat 20m, rest 20m", at(8, 0)), at(8, 50))
	history := []store.Record{{Course: morning, EndedAt: at(8, 50), Reason: store.Stopped}}
	// ice 10:00-10:20, 10:40-(now 10:45).
	now := custom(t, "ice 20m, rest 20m", at(10, 0))
	got := Today(history, now, at(10, 45), loc)
	if got.Ice.Count != 2 || got.Heat.Count != 2 {
		t.Fatalf("today: ice %d, heat %d; want 2 and 2", got.Ice.Count, got.Heat.Count)
	}
}
