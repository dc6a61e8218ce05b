package words

import (
	"fmt"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// The one-line forms: `icetimer status` and the lines `icetimer run` adds
// to its reminders.

// Status is the course at st in one short line, fit for a status bar:
// "ICE 12:04 left, rest at 14:20".
func Status(st schedule.State) string {
	kind := strings.ToUpper(string(st.Current.Kind))
	switch {
	case st.Done:
		return "DONE, course ended " + ClockNear(st.Current.Start, st.Now)
	case st.Current.Kind == schedule.Quiet:
		return fmt.Sprintf("%s until %s, then %s", Headline(schedule.Quiet, false), ClockNear(st.Current.End, st.Now), st.Next.Kind)
	case st.Paused:
		return fmt.Sprintf("%s paused, %s left", kind, Countdown(st.Remaining))
	}
	next := string(st.Next.Kind)
	if st.Next.Kind == schedule.Done {
		next = "course ends"
	}
	return fmt.Sprintf("%s %s left, %s at %s", kind, Countdown(st.Remaining), next, ClockNear(st.Current.End, st.Now))
}

// Undelivered says, under a reminder's line, that the reminder titled
// title did not reach the desktop: what became of it ("timed out") and why.
func Undelivered(outcome string, why error, title string, now time.Time) string {
	return fmt.Sprintf("%s  Desktop notification %s: %v. Reminder: %s.", Stamp(now), outcome, why, title)
}

// Unspoken begins the line that says the reminders cannot be said aloud,
// followed by why; it comes once, and the reminders go on as before.
const Unspoken = "Reminders are not spoken"

// NotSaved says that how far the reminders got could not be recorded.
func NotSaved(err error, now time.Time) string {
	return fmt.Sprintf("%s  Could not save progress (the reminders go on): %v", Stamp(now), err)
}

// Stopped is the last line when reminders stop before the course is over:
// the course itself goes on, so it says where it stands.
func Stopped(st schedule.State) string {
	where := "The course is over."
	if !st.Done {
		where = fmt.Sprintf("Now: %s until %s.", st.Current.Kind, Clock(st.Current.End.In(time.Local)))
	}
	return fmt.Sprintf("%s  Reminders stopped. %s", Stamp(st.Now), where)
}

// CourseName names a course in messages: its preset and when it began,
// "ice-20-20 course started 08:00".
func CourseName(c schedule.Course, now time.Time) string {
	return fmt.Sprintf("%s course started %s", c.Preset, ClockNear(c.Start, now))
}

// ReadOnly is the line a read-only screen shows: which process drives the
// course (pid 0 when it is not known), by its program and command, so that
// the line fits a screen ("icetimer start", not every flag it was given).
func ReadOnly(pid int, command string) string {
	if pid == 0 {
		return "Read-only: another icetimer process drives this course"
	}
	fields := strings.Fields(command)
	short := fields[:min(len(fields), 1)]
	if len(fields) > 1 && !strings.HasPrefix(fields[1], "-") {
		short = fields[:2]
	}
	if len(fields) > len(short) {
		short = append(short[:len(short):len(short)], "...")
	}
	return fmt.Sprintf("Read-only: process %d (%s) drives this course", pid, strings.Join(short, " "))
}

// NoDriver is a read-only screen's line once no course is saved and no
// icetimer holds it: the screen shows the next course started elsewhere.
const NoDriver = "Read-only: no icetimer drives a course now; one started elsewhere shows here"

// TookOver is the notice of a read-only screen that drives the course now.
const TookOver = "The icetimer that drove this course has gone: this screen reminds you now."

// TookOverFrom is the first line of a background run that a screen handed
// the course to, saying why (its terminal closed, it quit keeping the
// reminders).
func TookOverFrom(why string, now time.Time) string {
	return fmt.Sprintf("%s  Reminding from here on: %s.", Stamp(now), why)
}

// ClockStepped says the wall clock stepped by d while the course ran, and
// that the course keeps to the time lived: its times moved with the clock.
func ClockStepped(d time.Duration) string {
	way := "ahead"
	if d < 0 {
		way, d = "back", -d
	}
	return fmt.Sprintf("The clock was set %s %s: the course keeps to the time that passed, its times moved with the clock.", way, Span(d))
}

// QuitQuestion is asked when the screen quits while the course runs.
var QuitQuestion = Said{"Quit: keep reminding you in the background? y keeps the reminders (icetimer run), n stops them, esc stays.",
	"Keep reminding? y yes, n no, esc stays"}

// Background is the line after the screen quits, reminders going on.
func Background(pid int, log string) string {
	return fmt.Sprintf("Reminders go on in the background: icetimer run, process %d, writing to %s. 'icetimer' shows the course, 'icetimer stop' ends it.", pid, log)
}

// ConfigNotUsed is the one-line warning when the config file has a
// mistake: its first problem (FILE:LINE: what is wrong) and how many more.
func ConfigNotUsed(first string, more int) string {
	s := "the config file is not used, the defaults are: " + first
	if more > 0 {
		s += " (and " + Count(more, "more problem") + ": 'icetimer config check' lists them)"
	}
	return s
}

// KeysAsk is what the man page adds to the screen's keys: the two that ask
// first.
const KeysAsk = "x asks first: y stops the course, n keeps it going. q, while the course runs, asks first: " +
	"y (or q again) keeps reminding in the background, n stops the reminders until icetimer is opened again, esc stays."
