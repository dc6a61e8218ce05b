package timer

import (
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TickMsg wakes the screen once a second, on the second. It carries no time:
// the state is always read off the clock, never counted from ticks.
type TickMsg struct {
	// ID is the screen the tick belongs to; ticks of another screen (an older
	// course, a replaced model) are dropped.
	ID int64
}

var lastID atomic.Int64

func nextID() int64 { return lastID.Add(1) }

// tick schedules the next TickMsg for the next whole wall-clock second, so
// the seconds on screen change together with the clock on the wall.
func tick(id int64, now time.Time) tea.Cmd {
	wait := now.Truncate(time.Second).Add(time.Second).Sub(now)
	return tea.Tick(wait, func(time.Time) tea.Msg { return TickMsg{ID: id} })
}
