package timer

import (
	"strings"

	"github.com/icetimer/icetimer/internal/schedule"
)

// Everything the screen says is here, short and plain, in our own words.

// headline is what to do now, in one or two words.
func headline(kind schedule.Kind, paused bool) string {
	if paused && kind != schedule.Quiet && kind != schedule.Done {
		return "PAUSED"
	}
	switch kind {
	case schedule.Ice:
		return "ICE ON"
	case schedule.Heat:
		return "HEAT ON"
	case schedule.Rest:
		return "REST"
	case schedule.Quiet:
		return "NIGHT"
	case schedule.Done:
		return "DONE"
	}
	return strings.ToUpper(string(kind))
}

// action is the sentence under the headline.
func action(kind schedule.Kind, paused bool) string {
	if paused && kind != schedule.Quiet && kind != schedule.Done {
		return "Paused (" + string(kind) + ")."
	}
	switch kind {
	case schedule.Ice:
		return "Ice pack on now."
	case schedule.Heat:
		return "Heat on now, low or medium."
	case schedule.Rest:
		return "Pack off. Rest."
	case schedule.Quiet:
		return "Quiet hours: pack off, sleep."
	case schedule.Done:
		return "The course is over."
	}
	return ""
}

// safety is one safety line for the kind of phase: the long wording when
// it fits in width columns, else the short one.
func safety(kind schedule.Kind, width int) string {
	var long, short string
	switch kind {
	case schedule.Ice:
		long, short = "Keep a towel between pack and skin. Take it off if the skin goes numb.", "Towel under pack. Off if skin numbs."
	case schedule.Heat:
		long, short = "Low or medium heat, a cloth between. Never fall asleep with it on.", "Cloth between. Never sleep with it on."
	case schedule.Rest:
		long, short = "Pack off: let the skin come back to its usual colour and feel.", "Pack off: let the skin recover."
	case schedule.Quiet:
		long, short = "Never sleep with an ice pack or a heat pad on.", "Never sleep with a pack on."
	case schedule.Done:
		long, short = "If the pain is severe or not easing, see a clinician.", "Not easing? See a clinician."
	}
	if len(long) <= width {
		return long
	}
	return short
}

// kindName is a segment's kind as it reads in a sentence.
func kindName(kind schedule.Kind) string {
	switch kind {
	case schedule.Quiet:
		return "night"
	case schedule.Done:
		return "end"
	}
	return string(kind)
}
