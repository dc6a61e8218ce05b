package words

import (
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// What the timer screen says about the course as a whole: where it is, what
// to get ready, and how it went.

// CourseProgress is the course's name and how far it is: "Ice 20 on, 20
// off · hour 30 of 72", or "· hour 5" for a course without an end.
func CourseProgress(name string, hour, of int) string {
	if of > 0 {
		return fmt.Sprintf("%s · hour %d of %d", name, hour, of)
	}
	return fmt.Sprintf("%s · hour %d", name, hour)
}

// CustomName is a custom course's name on the screen.
const CustomName = "Custom cycle"

// Prepare is what to get ready during a rest for the on-phase of kind at
// clock time at ("15:04").
func Prepare(kind schedule.Kind, at string) string {
	switch kind {
	case schedule.Ice:
		return "Ice at " + at + ": have the cold pack and a towel ready."
	case schedule.Heat:
		return "Heat at " + at + ": warm the pack (low or medium) and have a cloth ready."
	}
	return ""
}

// Summary is how a course went, for the DONE screen: how it ended, how
// many applications and how long packs were on.
func Summary(stopped bool, endedAt string, ice, heat int, onIce, onHeat time.Duration) string {
	how := "Finished"
	if stopped {
		how = "Stopped"
	}
	return fmt.Sprintf("%s at %s. Ice: %d, %s on. Heat: %d, %s on.", how, endedAt, ice, hoursMinutes(onIce), heat, hoursMinutes(onHeat))
}

// hoursMinutes is "1 h 20 min" or "40 min", rounded to the minute.
func hoursMinutes(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	if m >= 60 {
		return fmt.Sprintf("%d h %02d min", m/60, m%60)
	}
	return fmt.Sprintf("%d min", m)
}

// WentOnPrompt asks when the pack went on, with what has been typed.
func WentOnPrompt(typed string) Said {
	return Said{"The pack went on how many minutes ago? " + typed + "_  (enter sets it, esc cancels)",
		"On how many min ago? " + typed + "_ enter, esc"}
}

// TitleLeft is the window title while a phase counts down: what to do
// and the time left as the big digits show it.
func TitleLeft(headline, left string) string {
	return "icetimer: " + headline + ", " + left + " left"
}
