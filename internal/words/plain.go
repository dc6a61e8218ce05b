package words

import (
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// What the plain screen says (icetimer --plain, for screen readers and
// small or dumb terminals) besides the reminders and the lines of `run`:
// whole sentences, durations in full, one line each.

// PlainOpening is the plain screen's first line: the course, and the keys
// that matter most.
func PlainOpening(c schedule.Course, now time.Time) string {
	return fmt.Sprintf("icetimer: the %s. Press t for the time left, ? for every key, q to quit.", CourseName(c, now))
}

// PlainKeys is what ? says on the plain screen: every key, as on the timer
// screen.
const PlainKeys = "Keys: a, the pack is off, or on when asked (stops a repeating reminder). Space, pause or resume. " +
	"s, skip to the next phase. Plus, add 5 minutes. Minus, take 5 minutes off. " +
	"k or n, answer the skin check: k the skin is just cold, n it is numb or white. " +
	"o, the pack went on some minutes ago. r, restart this phase. t, the time left. " +
	"x, stop the course. q, quit. ? says these keys again. A pain score: icetimer pain N, from another terminal."

// TimeLeft is where the course stands at st, as a sentence: what to do,
// the time left and what follows. The plain screen says it on t, and
// once a minute in the last minutes of a phase. Clock times are in loc.
func TimeLeft(st schedule.State, loc *time.Location) string {
	cur := st.Current
	until := Clock(cur.End.In(loc))
	switch {
	case st.Done:
		return "The course is over."
	case cur.Kind == schedule.Quiet:
		return fmt.Sprintf("Quiet hours until %s, then %s.", until, nextWords(st.Next))
	case st.Paused:
		return fmt.Sprintf("Paused, with %s of %s left: press space to resume.", SpanInFull(st.Remaining), KindName(cur.Kind))
	case cur.Kind.IsOn():
		return fmt.Sprintf("%s: %s left, until %s, then %s.", capital(string(cur.Kind)), SpanInFull(st.Remaining), until, followsWords(st.Next))
	}
	return fmt.Sprintf("Rest: %s left, then %s at %s.", SpanInFull(st.Remaining), followsWords(st.Next), until)
}

// followsWords names the segment that follows a phase.
func followsWords(next schedule.Segment) string {
	switch next.Kind {
	case schedule.Quiet:
		return "quiet hours"
	case schedule.Done:
		return "the course ends"
	}
	return string(next.Kind)
}

// WentOnQuestion asks, on the plain screen, when the pack went on.
const WentOnQuestion = "The pack went on how many minutes ago? Type the minutes and press enter; escape cancels."

// SkinCheckQuestion is the plain screen's skin check (SkinCheck on the
// timer screen).
const SkinCheckQuestion = "Skin check: is the skin under the ice just cold or aching? Press k if it is, n if it is numb or white (the ice then comes off)."

// NoSkinCheck says why k or n does nothing.
const NoSkinCheck = "No skin check is waiting: k or n answers it when it comes, during ice."

// NothingChanged answers a question the person said no to, or left.
const NothingChanged = "Nothing changed."

// NoPackOn says why o does nothing: no pack is on to count from.
const NoPackOn = "No pack is on now: o counts an ice or heat phase from when its pack went on."

// Refused is the plain screen's line for a key the course refused, saying
// why.
func Refused(why error, now time.Time) string {
	return Stamped(fmt.Sprintf("Not done: %v.", why), now)
}

// Stamped is a line of the plain screen's own, with the time like the
// reminders.
func Stamped(line string, now time.Time) string { return Stamp(now) + "  " + line }
