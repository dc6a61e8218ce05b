package hooks

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// The events a hook is told of (ICETIMER_EVENT), as CLI.md lists them.
const (
	IceOn   = "ice-on"
	IceOff  = "ice-off"
	HeatOn  = "heat-on"
	HeatOff = "heat-off"
	Night   = "night"
	Morning = "morning"
	Done    = "done"
	Repeat  = "repeat"
)

// Event is one change as a hook sees it.
type Event struct {
	// Name is one of the constants above.
	Name string
	// Title and Body are the reminder's words.
	Title, Body string
	// At is the instant of the change; NextAt that of the one after it,
	// zero when none is known (the course ends, or is paused).
	At, NextAt time.Time
}

// EventFor is the event of reminder r; next is the instant of the change
// after it (zero for none).
func EventFor(r words.Reminder, next time.Time) Event {
	return Event{Name: eventName(r), Title: r.Title, Body: r.Body, At: r.At, NextAt: next}
}

// eventName names what r asks the person to do. The morning is its own
// event even though a pack goes on with it, so that a hook can tell waking
// up from an ordinary change; a night that takes a pack off is "night".
func eventName(r words.Reminder) string {
	switch {
	case r.Repeat > 0:
		return Repeat
	case r.To == schedule.Done:
		return Done
	case r.To == schedule.Quiet:
		return Night
	case r.From == schedule.Quiet:
		return Morning
	case r.To == schedule.Ice:
		return IceOn
	case r.To == schedule.Heat:
		return HeatOn
	case r.From == schedule.Heat:
		return HeatOff
	}
	return IceOff
}

// environ is e as the hook's environment variables (CLI.md).
func (e Event) environ() []string {
	next := ""
	if !e.NextAt.IsZero() {
		next = e.NextAt.Format(time.RFC3339)
	}
	return []string{
		"ICETIMER_EVENT=" + e.Name,
		"ICETIMER_TITLE=" + e.Title,
		"ICETIMER_BODY=" + e.Body,
		"ICETIMER_AT=" + e.At.Format(time.RFC3339),
		"ICETIMER_NEXT_AT=" + next,
	}
}
