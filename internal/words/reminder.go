// Package words is everything icetimer says to a person, in one place: the
// reminders (notification and stdout line), the screen's lines and the
// status line, with one rule for clock times, one for durations and one
// safety table. It is pure: the same course and state always give the same
// words.
package words

import (
	"fmt"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// Reminder is what to tell the person about the changes since the last
// reminder.
type Reminder struct {
	// At is the instant of the latest change: the one the reminder is for.
	At time.Time
	// Missed is how many changes passed without a reminder at their own
	// instant (a sleeping laptop, a restart); 0 for a reminder on time.
	Missed int
	// Title is the action, first and short; Body what comes next and a
	// safety line.
	Title, Body string
	// Urgent says the reminder takes a pack off: it asks to stay up until
	// dismissed, and it repeats until acknowledged.
	Urgent bool
	// Tag names the change the reminder is for (see Tag), so that its
	// repeats replace it and an acknowledgement withdraws it; empty when it
	// is not urgent.
	Tag string
	// Ack is the label of the button that acknowledges it ("Pack is off");
	// empty when it offers none.
	Ack string
	// Line is the reminder as one line for stdout: clock time, action, what
	// comes next.
	Line string
	// Repeat is 0 for the first telling, n for the n-th repeat of a reminder
	// that waits for the person to acknowledge it.
	Repeat int
	// To is the kind of segment the change led to: what the chime says.
	To schedule.Kind
	// From is the kind of segment the change left: a hook tells "ice-off"
	// from "heat-off" by it.
	From schedule.Kind
	// Spoken is the reminder as it is said aloud (Spoken, SpokenRepeat);
	// empty when it is not said: during quiet hours.
	Spoken string
	// safety is the safety line at the end of Body ("" for none), which
	// Cautioned makes the stronger one.
	safety string
}

// The notification's buttons: the pack is off (a removal), or on (a
// put-on that asks "Is it on?").
const (
	ackLabel = "Pack is off"
	onLabel  = "It's on"
)

// isItOn is what a put-on reminder that waits for its answer adds.
const isItOn = "Is it on? Once it is, press a on the screen or run icetimer ack."

// Tag names the reminder of the change at at on the desktop: its repeats
// replace it rather than stack, and an acknowledgement withdraws it.
func Tag(at time.Time) string { return "change-" + at.UTC().Format(time.RFC3339) }

// Repeat is the reminder for change t told again, the n-th time, while it
// waits for the person: the same action, when it was due, and how to say
// it is done.
func Repeat(c schedule.Course, t schedule.Transition, n int, now schedule.State, loc *time.Location) Reminder {
	r := For(c, []schedule.Transition{t}, now, loc)
	r.Repeat = n
	r.Title += " (again)"
	ack := "Once it is off, press a on the screen or run icetimer ack."
	if c.AsksIfOn(t) {
		ack = isItOn
	}
	if !strings.Contains(r.Body, ack) {
		r.Body = ack + " " + r.Body
	}
	r.Line = fmt.Sprintf("%s  %s. This change was due at %s. %s", Stamp(now.Now.In(loc)), r.Title, Clock(t.At.In(loc)), ack)
	r.Spoken = ""
	if aloud(now, true) {
		r.Spoken = SpokenRepeat(c, t, now, loc)
	}
	return r
}

// aloud says whether a reminder told at state now is said aloud: never
// during quiet hours, but for the change that begins them, told on time
// (its first telling, within lateAfter of it): the pack comes off for the
// night, and then the house is quiet.
func aloud(now schedule.State, repeat bool) bool {
	if now.Current.Kind != schedule.Quiet {
		return true
	}
	return !repeat && now.Now.Sub(now.Current.Start) <= lateAfter
}

// lateAfter is how late a reminder may come before it says when the change
// was due: the loop wakes within a heartbeat, a laptop waking does not.
const lateAfter = time.Minute

// For words the reminder for course c's transitions ts (in order, as
// c.Transitions gives them; at least one) given c's state now. Clock times are
// written in loc.
func For(c schedule.Course, ts []schedule.Transition, now schedule.State, loc *time.Location) Reminder {
	last := ts[len(ts)-1]
	r := Reminder{At: last.At}
	switch {
	case len(ts) > 1:
		r.Missed = len(ts)
	case now.Now.Sub(last.At) > lateAfter:
		r.Missed = 1
	}
	r.Title = title(last)
	r.To, r.From = last.To.Kind, last.From.Kind
	if now.Paused && last.To.Kind.IsOn() {
		// The morning after a paused night: the pack goes on when the
		// countdown does, never with no end (PROTOCOLS.md section 7).
		r.Title = fmt.Sprintf("Paused: put the %s on when you resume", pack(last.To.Kind))
	}
	r.Urgent = urgent(ts)

	var sentences []string
	if r.Missed > 1 {
		sentences = append(sentences, Missed(r.Missed))
	} else if r.Missed == 1 {
		sentences = append(sentences, fmt.Sprintf("This change was due at %s.", Clock(last.At.In(loc))))
	}
	if s := stageOver(c.Protocol, last); s != "" {
		sentences = append(sentences, s)
	}
	sentences = append(sentences, whatNext(c.Protocol, last, now, loc))
	asks := !r.Urgent && !now.Paused && c.AsksIfOn(last)
	if asks {
		sentences = append(sentences, isItOn)
	}
	r.Line = fmt.Sprintf("%s  %s. %s", Stamp(last.At.In(loc)), r.Title, strings.Join(sentences, " "))
	// A safety line while a pack is on or the night runs, and when one has
	// just come off; a change between two pack-free segments needs none.
	if k := now.Current.Kind; k.IsOn() || k == schedule.Quiet || last.From.Kind.IsOn() {
		r.safety = Safety(k, 0)
		sentences = append(sentences, r.safety)
	}
	r.Body = strings.Join(sentences, " ")
	switch {
	case r.Urgent:
		// It repeats until acknowledged: a button says so, a tag replaces it.
		r.Tag, r.Ack = Tag(last.At), ackLabel
	case asks:
		r.Tag, r.Ack = Tag(last.At), onLabel
	}
	if aloud(now, false) {
		r.Spoken = Spoken(c, ts, now, loc)
	}
	return r
}

// urgent is true for a reminder that takes a pack off: the latest change
// ends an ice or heat phase, or the pack should be off now and one of the
// missed changes was the one to take it off.
func urgent(ts []schedule.Transition) bool {
	last := ts[len(ts)-1]
	if last.From.Kind.IsOn() {
		return true
	}
	if last.To.Kind.IsOn() {
		return false
	}
	for _, t := range ts {
		if t.From.Kind.IsOn() {
			return true
		}
	}
	return false
}

// pack names what goes on the body in a phase of kind k.
func pack(k schedule.Kind) string {
	if k == schedule.Heat {
		return "heat pack"
	}
	return "ice pack"
}

// title is the action the change asks for, first and short.
func title(t schedule.Transition) string {
	from, to := t.From.Kind, t.To.Kind
	switch to {
	case schedule.Done:
		word := "finished"
		if t.To.Cause == schedule.CauseStop {
			word = "stopped"
		}
		if from.IsOn() {
			return fmt.Sprintf("Remove the %s: course %s", pack(from), word)
		}
		return "Course " + word
	case schedule.Quiet:
		if from.IsOn() {
			return fmt.Sprintf("Remove the %s for the night", pack(from))
		}
		return "Paused for the night"
	case schedule.Rest:
		if t.To.Cause == schedule.CauseNumb {
			return "Remove the " + pack(from) + ": the skin went numb"
		}
		if from.IsOn() {
			return "Remove the " + pack(from)
		}
		return "Rest"
	}
	switch from {
	case to:
		if to == schedule.Heat {
			return "Check the heat pack and your skin"
		}
		return "Change the ice pack"
	case schedule.Ice, schedule.Heat:
		return fmt.Sprintf("Swap the %s for the %s", pack(from), pack(to))
	}
	if to == schedule.Heat {
		return "Heat on"
	}
	return "Put the ice pack on"
}

// stageOver says so when the change moves the course into its next stage.
func stageOver(p schedule.Protocol, t schedule.Transition) string {
	if t.From.Kind == "" || t.To.Kind == schedule.Done || t.To.Stage == t.From.Stage {
		return ""
	}
	return fmt.Sprintf("The %s stage is over; %s from now on.", p.MainKind(t.From.Stage), p.MainKind(t.To.Stage))
}

// whatNext says what the person does now and until when, and what follows.
func whatNext(p schedule.Protocol, last schedule.Transition, now schedule.State, loc *time.Location) string {
	cur := now.Current
	if now.Paused && cur.Kind != schedule.Quiet && !now.Done {
		return "Paused: nothing changes until you resume."
	}
	switch cur.Kind {
	case schedule.Done:
		if last.To.Cause != schedule.CauseStop && p.MainKind(last.To.Stage) == schedule.Ice {
			return "The ice stage is complete. Heat may follow: icetimer start heat-20-20."
		}
		return "No more reminders."
	case schedule.Quiet:
		return fmt.Sprintf("Quiet until %s, then %s.", Clock(cur.End.In(loc)), nextWords(now.Next))
	case schedule.Ice, schedule.Heat:
		return fmt.Sprintf("%s %s, until %s.", capital(string(cur.Kind)), SpanInFull(now.Remaining), Clock(cur.End.In(loc)))
	}
	rest := fmt.Sprintf("Rest %s.", SpanInFull(now.Remaining))
	switch next := now.Next.Kind; {
	case next.IsOn():
		again := ""
		if next == last.From.Kind {
			again = " again"
		}
		return fmt.Sprintf("%s %s%s at %s.", rest, capital(string(next)), again, Clock(cur.End.In(loc)))
	case next == schedule.Quiet:
		return fmt.Sprintf("%s Quiet hours from %s.", rest, Clock(cur.End.In(loc)))
	case next == schedule.Done:
		return fmt.Sprintf("%s The course ends at %s.", rest, Clock(cur.End.In(loc)))
	}
	return rest
}

// nextWords names what follows quiet hours.
func nextWords(next schedule.Segment) string {
	switch next.Kind {
	case schedule.Done:
		return "the course ends"
	case schedule.Ice, schedule.Heat:
		return string(next.Kind) + " again"
	}
	return string(next.Kind)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
