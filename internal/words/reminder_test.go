package words

import (
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// zone is where the clock times are read: not UTC, so a test would catch
// times written in the wrong zone.
var zone = time.FixedZone("UTC+2", 2*60*60)

// at is a local clock time on the test's day, 21 Nov 2026.
func at(hhmm string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", "2026-11-21 "+hhmm, zone)
	if err != nil {
		panic(err)
	}
	return t
}

func course(t *testing.T, spec, window, then string, quiet string, events ...schedule.Event) schedule.Course {
	t.Helper()
	c := schedule.Course{Start: at("08:00"), Events: events}
	first, err := schedule.ParseCycle(spec)
	if err != nil {
		t.Fatal(err)
	}
	stage := schedule.Stage{Cycle: first}
	if window != "" {
		if stage.Window, err = time.ParseDuration(window); err != nil {
			t.Fatal(err)
		}
	}
	c.Protocol.Stages = []schedule.Stage{stage}
	if then != "" {
		next, err := schedule.ParseCycle(then)
		if err != nil {
			t.Fatal(err)
		}
		c.Protocol.Stages = append(c.Protocol.Stages, schedule.Stage{Cycle: next})
	}
	if c.Quiet, err = schedule.ParseQuietHours(quiet, zone); err != nil {
		t.Fatal(err)
	}
	return c
}

// remindAt words the reminder for every transition in [from, now], with the
// state at now, as the loop does.
func remindAt(t *testing.T, c schedule.Course, from, now time.Time) Reminder {
	t.Helper()
	ts := c.Transitions(from, now.Add(time.Nanosecond))
	if len(ts) == 0 {
		t.Fatalf("no transitions in [%v, %v]", from, now)
	}
	return For(c, ts, c.StateAt(now), zone)
}

const (
	towel = "Keep a towel between pack and skin; off if it goes numb, white or blistered."
	heat  = "Low or medium heat, a cloth between pack and skin; never sleep with it on."
	sleep = "Never sleep with an ice or heat pack on."
	rest  = "Pack off: let the skin come back to its usual colour and feel."
	done  = "If the pain is severe or not easing, see a clinician."
)

func TestEveryKindOfChange(t *testing.T) {
	ice := course(t, "ice 20m, rest 20m", "", "", "23:00-07:00")
	for _, tc := range []struct {
		name   string
		c      schedule.Course
		when   string // the change's local clock time (on the test's day; before 08:00 is the next day)
		title  string
		urgent bool
		body   string
	}{
		{"start with ice", ice, "08:00", "Put the ice pack on", false,
			"Ice 20 minutes, until 08:20. " + towel},
		{"ice off", ice, "08:20", "Remove the ice pack", true,
			"Rest 20 minutes. Ice again at 08:40. " + rest},
		{"ice on again", ice, "08:40", "Put the ice pack on", false,
			"Ice 20 minutes, until 09:00. " + towel},
		{"start with heat", course(t, "heat 20m, rest 20m", "", "", "off"), "08:00", "Heat on", false,
			"Heat 20 minutes, until 08:20. " + heat},
		{"heat off", course(t, "heat 20m, rest 20m", "", "", "off"), "08:20", "Remove the heat pack", true,
			"Rest 20 minutes. Heat again at 08:40. " + rest},
		{"start with rest", course(t, "rest 5m, ice 10m", "", "", "off"), "08:00", "Rest", false,
			"Rest 5 minutes. Ice at 08:05."},
		{"ice to heat", course(t, "ice 10m, heat 10m", "", "", "off"), "08:10", "Swap the ice pack for the heat pack", true,
			"Heat 10 minutes, until 08:20. " + heat},
		{"heat to ice", course(t, "ice 10m, heat 10m", "", "", "off"), "08:20", "Swap the heat pack for the ice pack", true,
			"Ice 10 minutes, until 08:30. " + towel},
		{"ice to ice", course(t, "ice 10m", "", "", "off"), "08:10", "Change the ice pack", true,
			"Ice 10 minutes, until 08:20. " + towel},
		{"heat to heat", course(t, "heat 10m", "", "", "off"), "08:10", "Check the heat pack and your skin", true,
			"Heat 10 minutes, until 08:20. " + heat},
		{"rest before the night", course(t, "ice 20m, rest 20m", "", "", "09:00-07:00"), "08:40", "Put the ice pack on", false,
			"Ice 20 minutes, until 09:00. " + towel},
		{"rest, then quiet hours", course(t, "ice 20m, rest 20m", "", "", "08:40-07:00"), "08:20", "Remove the ice pack", true,
			"Rest 20 minutes. Quiet hours from 08:40. " + rest},
		// The second application: the first is always given in full.
		{"night while ice is on", course(t, "ice 20m, rest 20m", "", "", "08:50-07:00"), "08:50", "Remove the ice pack for the night", true,
			"Quiet until 07:00, then ice again. " + sleep},
		{"night while resting", course(t, "ice 20m, rest 20m", "", "", "08:30-07:00"), "08:30", "Paused for the night", false,
			"Quiet until 07:00, then ice again. " + sleep},
		{"morning", course(t, "ice 20m, rest 20m", "", "", "08:30-07:00"), "07:00", "Put the ice pack on", false,
			"Ice 20 minutes, until 07:20. " + towel},
		// A course paused at night: the pack goes on when the countdown does.
		{"morning, paused", course(t, "ice 20m, rest 20m", "", "", "08:30-07:00", schedule.Event{Type: schedule.Pause, At: at("09:00")}),
			"07:00", "Paused: put the ice pack on when you resume", false,
			"Paused: nothing changes until you resume. " + towel},
		{"into the heat stage", course(t, "ice 20m, rest 20m", "40m", "heat 20m, rest 20m", "off"), "08:40", "Heat on", false,
			"The ice stage is over; heat from now on. Heat 20 minutes, until 09:00. " + heat},
		{"finished after rest", course(t, "ice 20m, rest 20m", "40m", "", "off"), "08:40", "Course finished", false,
			"The ice stage is complete. Heat may follow: icetimer start heat-20-20."},
		{"finished with the pack on", course(t, "ice 20m", "20m", "", "off"), "08:20", "Remove the ice pack: course finished", true,
			"The ice stage is complete. Heat may follow: icetimer start heat-20-20. " + done},
		{"heat course finished", course(t, "heat 20m, rest 20m", "40m", "", "off"), "08:40", "Course finished", false,
			"No more reminders."},
		{"stopped with the pack on", course(t, "ice 20m, rest 20m", "", "", "off", schedule.Event{Type: schedule.Stop, At: at("08:05")}),
			"08:05", "Remove the ice pack: course stopped", true, "No more reminders. " + done},
		{"stopped while resting", course(t, "ice 20m, rest 20m", "", "", "off", schedule.Event{Type: schedule.Stop, At: at("08:25")}),
			"08:25", "Course stopped", false, "No more reminders."},
		{"skipped ice", course(t, "ice 20m, rest 20m", "", "", "off", schedule.Event{Type: schedule.Skip, At: at("08:05")}),
			"08:05", "Remove the ice pack", true, "Rest 20 minutes. Ice again at 08:25. " + rest},
		{"ends during rest", course(t, "ice 20m, rest 20m", "40m", "", "off"), "08:20", "Remove the ice pack", true,
			"Rest 20 minutes. The course ends at 08:40. " + rest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			when := at(tc.when)
			if when.Before(tc.c.Start) {
				when = when.AddDate(0, 0, 1)
			}
			r := remindAt(t, tc.c, when, when)
			if r.Title != tc.title || r.Urgent != tc.urgent || r.Body != tc.body {
				t.Errorf("got\n  title %q urgent %v\n  body  %q\nwant\n  title %q urgent %v\n  body  %q",
					r.Title, r.Urgent, r.Body, tc.title, tc.urgent, tc.body)
			}
			if !r.At.Equal(when) || r.Missed != 0 {
				t.Errorf("At %v Missed %d, want %v and 0", r.At, r.Missed, when)
			}
		})
	}
}

func TestLineIsTheActionAndWhatComesNext(t *testing.T) {
	r := remindAt(t, course(t, "ice 20m, rest 20m", "", "", "off"), at("08:20"), at("08:20"))
	want := "08:20:00  Remove the ice pack. Rest 20 minutes. Ice again at 08:40."
	if r.Line != want {
		t.Errorf("line %q, want %q", r.Line, want)
	}
}

func TestCatchUpIsOneReminderForNow(t *testing.T) {
	c := course(t, "ice 20m, rest 20m", "", "", "off")
	for _, tc := range []struct {
		name       string
		from, now  string
		missed     int
		title      string
		urgent     bool
		bodyPrefix string
	}{
		// 08:20 off, 08:40 on, 09:00 off: the pack should be off now, and was
		// due off twice.
		{"three changes, ends off", "08:10", "09:05", 3, "Remove the ice pack", true,
			"Missed 3 changes while away. Rest 15 minutes. Ice again at 09:20."},
		// 08:20 off, 08:40 on: the pack should be on now.
		{"two changes, ends on", "08:10", "08:45", 2, "Put the ice pack on", false,
			"Missed 2 changes while away. Ice 15 minutes, until 09:00."},
		{"one change, late", "08:10", "08:25", 1, "Remove the ice pack", true,
			"This change was due at 08:20. Rest 15 minutes. Ice again at 08:40."},
		// 19 min 1 s left reads "20 minutes", as the screen says "20 min" (issue 8).
		{"one change, within a minute", "08:10", "08:20:59", 0, "Remove the ice pack", true,
			"Rest 20 minutes. Ice again at 08:40."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			now := at(tc.now[:5])
			if len(tc.now) > 5 {
				now = now.Add(59 * time.Second)
			}
			r := remindAt(t, c, at(tc.from), now)
			if r.Missed != tc.missed || r.Title != tc.title || r.Urgent != tc.urgent || !strings.HasPrefix(r.Body, tc.bodyPrefix) {
				t.Errorf("got missed %d title %q urgent %v body %q\nwant missed %d title %q urgent %v body starting %q",
					r.Missed, r.Title, r.Urgent, r.Body, tc.missed, tc.title, tc.urgent, tc.bodyPrefix)
			}
			if !strings.Contains(r.Line, tc.bodyPrefix) {
				t.Errorf("line %q does not say %q", r.Line, tc.bodyPrefix)
			}
		})
	}
}

func TestCatchUpAcrossTheNightNamesTheMorning(t *testing.T) {
	c := course(t, "ice 20m, rest 20m", "", "", "08:30-07:00")
	next := at("07:10").AddDate(0, 0, 1)
	r := remindAt(t, c, at("08:10"), next)
	if r.Missed != 3 || r.Title != "Put the ice pack on" || r.Urgent {
		t.Errorf("got missed %d title %q urgent %v, want 3 (08:20 off, 08:30 night, 07:00 on), put the ice pack on, not urgent",
			r.Missed, r.Title, r.Urgent)
	}
}

func TestPausedSaysSo(t *testing.T) {
	c := course(t, "ice 20m, rest 20m", "", "", "off",
		schedule.Event{Type: schedule.Skip, At: at("08:05")},
		schedule.Event{Type: schedule.Pause, At: at("08:05")})
	r := remindAt(t, c, at("08:05"), at("08:06"))
	if !strings.HasPrefix(r.Body, "Paused: nothing changes until you resume.") {
		t.Errorf("body %q, want it to say the course is paused", r.Body)
	}
}

func TestRepeatSaysItAgainAndHowToStopIt(t *testing.T) {
	c := course(t, "ice 20m, rest 20m", "", "", "off")
	ts := c.Transitions(at("08:20"), at("08:21"))
	r := Repeat(c, ts[0], 2, c.StateAt(at("08:24")), zone)
	if r.Title != "Remove the ice pack (again)" || !r.Urgent || r.Repeat != 2 ||
		!strings.HasPrefix(r.Body, "Once it is off, press a on the screen or run icetimer ack. This change was due at 08:20.") {
		t.Errorf("repeat: %+v", r)
	}
	if !strings.HasPrefix(r.Line, "08:24:00  Remove the ice pack (again). This change was due at 08:20.") {
		t.Errorf("line %q", r.Line)
	}
}
