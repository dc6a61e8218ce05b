package words

import (
	"fmt"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// The reminders as they are said aloud: whole sentences, numbers and
// durations in words ("twenty minutes", not "20 min"), clock times as
// people say them ("two forty in the afternoon", or "fourteen forty" on the
// 24-hour clock). The person may be lying down with their eyes closed, so a
// spoken reminder is the action and what comes next; the safety lines stay
// on the screen and in the notification.

// Spoken is the reminder for course c's transitions ts (in order, at least
// one) at state now, as it is said aloud; clock times are said in loc. It
// tells what For tells, for the ear.
func Spoken(c schedule.Course, ts []schedule.Transition, now schedule.State, loc *time.Location) string {
	last := ts[len(ts)-1]
	var s []string
	switch {
	case len(ts) > 1:
		s = append(s, fmt.Sprintf("You missed %s changes while away.", number(int64(len(ts)))))
	case now.Now.Sub(last.At) > lateAfter:
		s = append(s, fmt.Sprintf("This change was due at %s.", spokenClock(last.At.In(loc))))
	}
	if last.From.Kind == schedule.Quiet && last.To.Kind != schedule.Done {
		s = append(s, "Quiet hours are over.")
	}
	if a := spokenAction(last, now); a != "" {
		s = append(s, a)
	}
	if last.From.Kind != "" && last.To.Kind != schedule.Done && last.To.Stage != last.From.Stage {
		s = append(s, fmt.Sprintf("The %s stage is over. From now on, %s.",
			c.Protocol.MainKind(last.From.Stage), c.Protocol.MainKind(last.To.Stage)))
	}
	if n := spokenNext(c.Protocol, last, now, loc); n != "" {
		s = append(s, n)
	}
	return strings.Join(s, " ")
}

// SpokenRepeat is the reminder for course c's change t said again, while
// it waits for the person: the action, when it was due, and how to say it
// is done.
func SpokenRepeat(c schedule.Course, t schedule.Transition, now schedule.State, loc *time.Location) string {
	done := "Once it is off"
	if c.AsksIfOn(t) {
		done = "Is it on? Once it is"
	}
	return fmt.Sprintf("Again: %s It was due at %s. %s, press a, or run icetimer ack.",
		lowerFirst(spokenAction(t, now)), spokenClock(t.At.In(loc)), done)
}

// spokenAction is what the change asks the person to do, as a sentence;
// empty when it asks nothing (a course that starts with rest).
func spokenAction(t schedule.Transition, now schedule.State) string {
	from, to := t.From.Kind, t.To.Kind
	switch to {
	case schedule.Done:
		word := "finished"
		if t.To.Cause == schedule.CauseStop {
			word = "stopped"
		}
		if from.IsOn() {
			return fmt.Sprintf("Take the %s off: the course is %s.", pack(from), word)
		}
		return fmt.Sprintf("The course is %s.", word)
	case schedule.Quiet:
		if from.IsOn() {
			return fmt.Sprintf("Take the %s off for the night.", pack(from))
		}
		return "Quiet hours begin."
	case schedule.Rest:
		if from.IsOn() {
			return fmt.Sprintf("Take the %s off.", pack(from))
		}
		return ""
	}
	if now.Paused {
		// The morning after a paused night: never "put it on" with no end.
		return fmt.Sprintf("The course is paused: put the %s on when you resume.", pack(to))
	}
	switch from {
	case to:
		if to == schedule.Heat {
			return "Check the heat pack and your skin."
		}
		return "Change the ice pack."
	case schedule.Ice, schedule.Heat:
		return fmt.Sprintf("Swap the %s for the %s.", pack(from), pack(to))
	}
	return fmt.Sprintf("Put the %s on.", pack(to))
}

// spokenNext says what the person does now, for how long, and what follows.
func spokenNext(p schedule.Protocol, last schedule.Transition, now schedule.State, loc *time.Location) string {
	cur := now.Current
	if now.Paused && cur.Kind != schedule.Quiet && !now.Done {
		if cur.Kind.IsOn() {
			return "" // the action said it
		}
		return "The course is paused: nothing changes until you resume."
	}
	until := spokenClock(cur.End.In(loc))
	switch cur.Kind {
	case schedule.Done:
		if last.To.Cause != schedule.CauseStop && p.MainKind(last.To.Stage) == schedule.Ice {
			return "The ice stage is complete; heat may follow."
		}
		return "No more reminders."
	case schedule.Quiet:
		then := "then the course ends"
		if k := now.Next.Kind; k.IsOn() {
			then = fmt.Sprintf("then %s again", k)
		}
		return fmt.Sprintf("No reminders until %s, %s.", until, then)
	case schedule.Ice, schedule.Heat:
		return fmt.Sprintf("%s for %s, until %s.", capital(string(cur.Kind)), spokenSpan(now.Remaining), until)
	}
	rest := "Rest " + spokenSpan(now.Remaining)
	switch next := now.Next.Kind; {
	case next.IsOn():
		again := ""
		if next == last.From.Kind {
			again = " again"
		}
		return fmt.Sprintf("%s, then %s%s at %s.", rest, next, again, until)
	case next == schedule.Quiet:
		return fmt.Sprintf("%s; quiet hours begin at %s.", rest, until)
	case next == schedule.Done:
		return fmt.Sprintf("%s; then the course ends.", rest)
	}
	return rest + "."
}

// spokenSpan is a time left in words, rounded up as Span rounds it:
// "twenty minutes", "one hour and thirty minutes", "forty-five seconds".
func spokenSpan(d time.Duration) string { return spanWith(d, counted) }

// counted is n units in words: "one minute", "twenty minutes".
func counted(n int64, unit string) string {
	if n == 1 {
		return "one " + unit
	}
	return number(n) + " " + unit + "s"
}

// spokenClock is t's clock time as people say it, on the clock the config
// file chose: "two forty in the afternoon", "seven in the morning" (12-hour)
// or "fourteen forty", "oh seven hundred" (24-hour, where "seven hundred"
// would sound like a number); "noon" and "midnight" on both.
func spokenClock(t time.Time) string {
	h, m := t.Hour(), t.Minute()
	switch {
	case h == 0 && m == 0:
		return "midnight"
	case h == 12 && m == 0:
		return "noon"
	case clockLayout == "15:04":
		switch {
		case m == 0 && h < 10:
			return "oh " + number(int64(h)) + " hundred"
		case m == 0:
			return number(int64(h)) + " hundred"
		}
		return number(int64(h)) + " " + minutes(m)
	}
	hour := number(int64((h+11)%12 + 1))
	if m != 0 {
		hour += " " + minutes(m)
	}
	return hour + " " + partOfDay(h)
}

// minutes is a clock time's minutes as said after the hour: "oh five",
// "forty".
func minutes(m int) string {
	if m < 10 {
		return "oh " + number(int64(m))
	}
	return number(int64(m))
}

// partOfDay is what follows a 12-hour clock time.
func partOfDay(h int) string {
	switch {
	case h >= 5 && h < 12:
		return "in the morning"
	case h >= 12 && h < 17:
		return "in the afternoon"
	case h >= 17 && h < 21:
		return "in the evening"
	}
	return "at night"
}

var (
	smallNumbers = [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens = [...]string{2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
)

// number is n in words, as English says it: "forty-five", "one hundred and
// twenty". Beyond what a timer says (999), and below zero, it is digits.
func number(n int64) string {
	switch {
	case n < 0 || n > 999:
		return fmt.Sprint(n)
	case n < 20:
		return smallNumbers[n]
	case n < 100:
		if n%10 == 0 {
			return tens[n/10]
		}
		return tens[n/10] + "-" + smallNumbers[n%10]
	case n%100 == 0:
		return smallNumbers[n/100] + " hundred"
	}
	return smallNumbers[n/100] + " hundred and " + number(n%100)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
