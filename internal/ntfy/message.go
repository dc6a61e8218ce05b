package ntfy

import (
	"strconv"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// Priorities, per ntfy: 5 is "max/urgent" (long vibration bursts, a
// pop-over), 3 the default.
const (
	PriorityUrgent  = 5
	PriorityDefault = 3
)

// Message is one ntfy publish.
type Message struct {
	Title, Body string
	// Priority is 1 to 5.
	Priority int
	// Tags are ntfy tags: those that are emoji short codes show as emojis.
	Tags []string
	// SequenceID names the message on the server so that a later publish
	// or DELETE can replace it; empty for none.
	SequenceID string
	// At is the delivery time of a scheduled message; zero delivers now.
	At time.Time
	// Ack is the label of the phone's button that acknowledges the
	// reminder, and AckID what the button sends back: the sequence ID of
	// the change the reminder is for. Empty for no button, and ignored
	// unless Config.Ack.
	Ack, AckID string
}

// MessageFor is reminder r as a message to publish now: priority 5 when it
// takes a pack off, 3 otherwise. Its sequence ID is the one its change was
// scheduled under, so that it replaces that scheduled message when the
// server has not delivered it yet (one ring, not two) and updates it in
// place when it has; a repeat has none, so that each one rings anew, nor
// has a message that is about no change (r.To empty: the computer going to
// sleep), which must never replace one that is. A reminder that waits for
// the person (r.Ack: "Pack is off", "It's on") carries the same button on
// the phone, which names its change.
func MessageFor(r words.Reminder) Message {
	m := Message{Title: r.Title, Body: r.Body, Priority: PriorityDefault, Tags: tags(r)}
	if r.Urgent {
		m.Priority = PriorityUrgent
	}
	if r.Repeat == 0 && r.To != "" {
		m.SequenceID = SequenceID(r.At)
	}
	if r.Ack != "" {
		m.Ack, m.AckID = r.Ack, SequenceID(r.At)
	}
	return m
}

// SequenceID names the scheduled message for the change at at. One per
// change, not one for the whole course: a phone shows a message with a
// known sequence ID as an update of the earlier one, which may not ring,
// and every change must ring. It depends on the instant alone, so a
// process that resumes a course after another died names the same message
// and replaces it instead of adding a second.
func SequenceID(at time.Time) string {
	return sequencePrefix + strconv.FormatInt(at.Unix(), 10)
}

const sequencePrefix = "icetimer-"

// changeOf is the change a sequence ID from SequenceID names, when id is
// one (the phone's reply carries it back).
func changeOf(id string) (time.Time, bool) {
	digits, ok := strings.CutPrefix(id, sequencePrefix)
	if !ok || digits == "" || len(digits) > 12 || strings.Trim(digits, "0123456789") != "" {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	return time.Unix(n, 0), err == nil
}

// tags show what the reminder is about at a glance: the emoji of the
// action first, then "icetimer" to filter on.
func tags(r words.Reminder) []string {
	var emoji string
	switch {
	case r.Urgent:
		emoji = "rotating_light"
	case r.To == schedule.Ice:
		emoji = "ice_cube"
	case r.To == schedule.Heat:
		emoji = "hotsprings"
	case r.To == schedule.Quiet:
		emoji = "crescent_moon"
	case r.To == schedule.Done:
		emoji = "checkered_flag"
	default:
		emoji = "hourglass"
	}
	return []string{emoji, "icetimer"}
}
