package words

import (
	"fmt"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// What the timer screen says while a change waits for the person to press
// a, and the short lines around it.

// Waiting is what the screen says while the reminder of change t waits for
// the person: the big word and the sentence in the bar ("ICE OFF", "Take
// the ice pack off now, then press a"). Both are empty for a change that
// asks nothing of them.
func Waiting(t schedule.Transition) (headline string, action Said) {
	from, to := t.From.Kind, t.To.Kind
	switch {
	case t.TakesPackOff() && to == schedule.Quiet:
		return offHeadline(from), Said{fmt.Sprintf("Take the %s off for the night, then press a", pack(from)),
			fmt.Sprintf("%s off for the night; press a", capital(pack(from)))}
	case t.TakesPackOff():
		return offHeadline(from), Said{fmt.Sprintf("Take the %s off now, then press a", pack(from)),
			fmt.Sprintf("%s off now, then press a", capital(pack(from)))}
	case to.IsOn():
		on := fmt.Sprintf("Put the %s on, then press a", pack(to))
		return "PUT " + strings.ToUpper(string(to)) + " ON", Said{on, on}
	}
	return "", Said{}
}

// offHeadline is the big word when a pack of kind must come off.
func offHeadline(kind schedule.Kind) string { return strings.ToUpper(string(kind)) + " OFF" }

// ChangeBanner is the banner that tells of the changes ts (oldest first, at
// least one), clock times in loc: "REST since 09:20", "ICE OFF since
// 09:20" while the pack waits to come off, and how many changes passed
// unseen, as the reminder says it ("Missed 3 changes while away").
func ChangeBanner(ts []schedule.Transition, loc *time.Location) string {
	last := ts[len(ts)-1]
	head, _ := Waiting(last)
	if !last.TakesPackOff() {
		head = Headline(last.To.Kind, false)
	}
	s := head + " since " + Clock(last.At.In(loc))
	if len(ts) > 1 {
		s += ". " + Missed(len(ts))
	}
	return s
}

// Missed says how many changes passed while icetimer was not running.
func Missed(n int) string { return fmt.Sprintf("Missed %d changes while away.", n) }

// RemindedAgain is the banner when a reminder that waits for the person is
// sent again at clock time at.
func RemindedAgain(at string) string {
	return "Reminded again at " + at + "; press a once it is done"
}

// PainNoted is what the screen says once a pain score is recorded.
func PainNoted(score int) string { return fmt.Sprintf("pain %d noted", score) }

// RemindersOff is the line after the screen quits with no reminders kept.
const RemindersOff = "No reminders until icetimer is opened again; the course is saved ('icetimer' reopens it, 'icetimer stop' ends it)."
