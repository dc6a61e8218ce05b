package words

import (
	"strings"

	"github.com/icetimer/icetimer/internal/schedule"
)

// What the timer screen says, short and plain, in our own words.

// Headline is what to do now, in one or two words.
func Headline(kind schedule.Kind, paused bool) string {
	if paused {
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

// Action is the sentence under the headline.
func Action(kind schedule.Kind, paused bool) string {
	if paused && kind.IsOn() {
		return "Pack off while paused."
	}
	if paused {
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

// safetyLines is the one safety table: for each kind of segment, the line
// in full and a short form for narrow screens.
var safetyLines = map[schedule.Kind][2]string{
	schedule.Ice:   {"Keep a towel between pack and skin; off if it goes numb, white or blistered.", "Towel under pack. Off if skin numbs."},
	schedule.Heat:  {"Low or medium heat, a cloth between pack and skin; never sleep with it on.", "Cloth between. Never sleep with it on."},
	schedule.Rest:  {"Pack off: let the skin come back to its usual colour and feel.", "Pack off: let the skin recover."},
	schedule.Quiet: {"Never sleep with an ice or heat pack on.", "Never sleep with a pack on."},
	schedule.Done:  {"If the pain is severe or not easing, see a clinician.", "Not easing? See a clinician."},
}

// Safety is the safety line for a segment of kind: in full when it fits in
// width columns (or width is 0), else the short form.
func Safety(kind schedule.Kind, width int) string {
	lines := safetyLines[kind]
	if width <= 0 || len(lines[0]) <= width {
		return lines[0]
	}
	return lines[1]
}

// KindName is a segment's kind as it reads in a sentence.
func KindName(kind schedule.Kind) string {
	switch kind {
	case schedule.Quiet:
		return "night"
	case schedule.Done:
		return "end"
	}
	return string(kind)
}

// Said is a sentence in full, and short for where the full one does not
// fit: a question read whole on one row beats one wrapped over four.
type Said struct{ Full, Short string }

// StopQuestion is asked before the course is stopped.
var StopQuestion = Said{"Stop the course? y stops it, n keeps going.", "Stop the course? y yes, n no"}

// ReadOnlyHint is what a read-only screen says to a key that would change
// the course.
const ReadOnlyHint = "Change the course there; this view only follows it."

// NoCourse and NoCourseSaved are the screen when there is no course to
// show.
const (
	NoCourse      = "NO COURSE"
	NoCourseSaved = "No course is saved: it was stopped, or none has started yet."
)
