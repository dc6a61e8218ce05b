package words

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/icetimer/icetimer/internal/schedule"
)

// spokenAt is what is said for every transition in [from, now], with the
// state at now, as the loop would say it.
func spokenAt(t *testing.T, c schedule.Course, from, now time.Time) string {
	t.Helper()
	ts := c.Transitions(from, now.Add(time.Nanosecond))
	if len(ts) == 0 {
		t.Fatalf("no transitions in [%v, %v]", from, now)
	}
	return Spoken(c, ts, c.StateAt(now), zone)
}

func TestSpokenEveryKindOfChange(t *testing.T) {
	ice := course(t, "ice 20m, rest 20m", "", "", "23:00-07:00")
	for _, tc := range []struct {
		name string
		c    schedule.Course
		when string // the change's local clock time (before 08:00 is the next day)
		want string
	}{
		{"start with ice", ice, "08:00", "Put the ice pack on. Ice for twenty minutes, until eight twenty."},
		{"ice off", ice, "08:20", "Take the ice pack off. Rest twenty minutes, then ice again at eight forty."},
		{"ice on again", ice, "08:40", "Put the ice pack on. Ice for twenty minutes, until oh nine hundred."},
		{"start with heat", course(t, "heat 20m, rest 20m", "", "", "off"), "08:00",
			"Put the heat pack on. Heat for twenty minutes, until eight twenty."},
		{"heat off", course(t, "heat 20m, rest 20m", "", "", "off"), "08:20",
			"Take the heat pack off. Rest twenty minutes, then heat again at eight forty."},
		{"start with rest", course(t, "rest 5m, ice 10m", "", "", "off"), "08:00",
			"Rest five minutes, then ice at eight oh five."},
		{"ice to heat", course(t, "ice 10m, heat 10m", "", "", "off"), "08:10",
			"Swap the ice pack for the heat pack. Heat for ten minutes, until eight twenty."},
		{"heat to ice", course(t, "ice 10m, heat 10m", "", "", "off"), "08:20",
			"Swap the heat pack for the ice pack. Ice for ten minutes, until eight thirty."},
		{"ice to ice", course(t, "ice 10m", "", "", "off"), "08:10",
			"Change the ice pack. Ice for ten minutes, until eight twenty."},
		{"heat to heat", course(t, "heat 10m", "", "", "off"), "08:10",
			"Check the heat pack and your skin. Heat for ten minutes, until eight twenty."},
		{"rest, then quiet hours", course(t, "ice 20m, rest 20m", "", "", "08:40-07:00"), "08:20",
			"Take the ice pack off. Rest twenty minutes; quiet hours begin at eight forty."},
		// The second application: the first is always given in full.
		{"night while ice is on", course(t, "ice 20m, rest 20m", "", "", "08:50-07:00"), "08:50",
			"Take the ice pack off for the night. No reminders until oh seven hundred, then ice again."},
		{"night while resting", course(t, "ice 20m, rest 20m", "", "", "08:30-07:00"), "08:30",
			"Quiet hours begin. No reminders until oh seven hundred, then ice again."},
		{"morning", course(t, "ice 20m, rest 20m", "", "", "08:30-07:00"), "07:00",
			"Quiet hours are over. Put the ice pack on. Ice for twenty minutes, until seven twenty."},
		{"morning, paused", course(t, "ice 20m, rest 20m", "", "", "08:30-07:00", schedule.Event{Type: schedule.Pause, At: at("09:00")}),
			"07:00", "Quiet hours are over. The course is paused: put the ice pack on when you resume."},
		{"into the heat stage", course(t, "ice 20m, rest 20m", "40m", "heat 20m, rest 20m", "off"), "08:40",
			"Put the heat pack on. The ice stage is over. From now on, heat. Heat for twenty minutes, until oh nine hundred."},
		{"finished after rest", course(t, "ice 20m, rest 20m", "40m", "", "off"), "08:40",
			"The course is finished. The ice stage is complete; heat may follow."},
		{"finished with the pack on", course(t, "ice 20m", "20m", "", "off"), "08:20",
			"Take the ice pack off: the course is finished. The ice stage is complete; heat may follow."},
		{"heat course finished", course(t, "heat 20m, rest 20m", "40m", "", "off"), "08:40",
			"The course is finished. No more reminders."},
		{"stopped with the pack on", course(t, "ice 20m, rest 20m", "", "", "off", schedule.Event{Type: schedule.Stop, At: at("08:05")}),
			"08:05", "Take the ice pack off: the course is stopped. No more reminders."},
		{"stopped while resting", course(t, "ice 20m, rest 20m", "", "", "off", schedule.Event{Type: schedule.Stop, At: at("08:25")}),
			"08:25", "The course is stopped. No more reminders."},
		{"skipped ice", course(t, "ice 20m, rest 20m", "", "", "off", schedule.Event{Type: schedule.Skip, At: at("08:05")}),
			"08:05", "Take the ice pack off. Rest twenty minutes, then ice again at eight twenty-five."},
		{"ends during rest", course(t, "ice 20m, rest 20m", "40m", "", "off"), "08:20",
			"Take the ice pack off. Rest twenty minutes; then the course ends."},
		{"an hour and a half of rest", course(t, "ice 25m, rest 1h30m", "", "", "off"), "08:25",
			"Take the ice pack off. Rest one hour and thirty minutes, then ice again at nine fifty-five."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			when := at(tc.when)
			if when.Before(tc.c.Start) {
				when = when.AddDate(0, 0, 1)
			}
			if got := spokenAt(t, tc.c, when, when); got != tc.want {
				t.Errorf("said  %q\nwant  %q", got, tc.want)
			}
		})
	}
}

func TestSpokenCatchUpAndPause(t *testing.T) {
	c := course(t, "ice 20m, rest 20m", "", "", "off")
	for _, tc := range []struct {
		name      string
		c         schedule.Course
		from, now time.Time
		want      string
	}{
		{"three changes", c, at("08:10"), at("09:05"),
			"You missed three changes while away. Take the ice pack off. Rest fifteen minutes, then ice again at nine twenty."},
		{"one change, late", c, at("08:10"), at("08:25"),
			"This change was due at eight twenty. Take the ice pack off. Rest fifteen minutes, then ice again at eight forty."},
		{"paused", course(t, "ice 20m, rest 20m", "", "", "off",
			schedule.Event{Type: schedule.Skip, At: at("08:05")}, schedule.Event{Type: schedule.Pause, At: at("08:05")}),
			at("08:05"), at("08:06"),
			"Take the ice pack off. The course is paused: nothing changes until you resume."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := spokenAt(t, tc.c, tc.from, tc.now); got != tc.want {
				t.Errorf("said  %q\nwant  %q", got, tc.want)
			}
		})
	}
}

func TestSpokenRepeat(t *testing.T) {
	c := course(t, "ice 20m, rest 20m", "", "", "off")
	ts := c.Transitions(at("08:20"), at("08:21"))
	got := SpokenRepeat(c, ts[0], c.StateAt(at("08:24")), zone)
	want := "Again: take the ice pack off. It was due at eight twenty. Once it is off, press a, or run icetimer ack."
	if got != want {
		t.Errorf("said  %q\nwant  %q", got, want)
	}
}

// The config file's 12-hour clock reaches the spoken times too.
func TestSpokenTwelveHourClock(t *testing.T) {
	t.Cleanup(func() { Use12HourClock(false) })
	Use12HourClock(true)
	c := course(t, "ice 20m, rest 20m", "", "", "08:30-07:00")
	for when, want := range map[string]string{
		"08:20": "Take the ice pack off. Rest ten minutes; quiet hours begin at eight thirty in the morning.",
		"08:30": "Quiet hours begin. No reminders until seven in the morning, then ice again.",
	} {
		if got := spokenAt(t, c, at(when), at(when)); got != want {
			t.Errorf("at %s said %q\nwant %q", when, got, want)
		}
	}
}

func TestSpokenClock(t *testing.T) {
	t.Cleanup(func() { Use12HourClock(false) })
	for _, tc := range []struct{ hhmm, h24, h12 string }{
		{"00:00", "midnight", "midnight"},
		{"12:00", "noon", "noon"},
		{"07:00", "oh seven hundred", "seven in the morning"},
		{"14:00", "fourteen hundred", "two in the afternoon"},
		{"14:40", "fourteen forty", "two forty in the afternoon"},
		{"07:05", "seven oh five", "seven oh five in the morning"},
		{"00:30", "zero thirty", "twelve thirty at night"},
		{"12:30", "twelve thirty", "twelve thirty in the afternoon"},
		{"04:59", "four fifty-nine", "four fifty-nine at night"},
		{"05:00", "oh five hundred", "five in the morning"},
		{"17:00", "seventeen hundred", "five in the evening"},
		{"18:05", "eighteen oh five", "six oh five in the evening"},
		{"21:00", "twenty-one hundred", "nine at night"},
		{"23:59", "twenty-three fifty-nine", "eleven fifty-nine at night"},
	} {
		tm := at(tc.hhmm)
		Use12HourClock(false)
		if got := spokenClock(tm); got != tc.h24 {
			t.Errorf("24 h %s: %q, want %q", tc.hhmm, got, tc.h24)
		}
		Use12HourClock(true)
		if got := spokenClock(tm); got != tc.h12 {
			t.Errorf("12 h %s: %q, want %q", tc.hhmm, got, tc.h12)
		}
	}
}

// Durations round up as Span does, so the ear never hears less than is left.
func TestSpokenSpan(t *testing.T) {
	for d, want := range map[time.Duration]string{
		-time.Second:                          "zero seconds",
		time.Millisecond:                      "one second",
		45 * time.Second:                      "forty-five seconds",
		59*time.Second + 600*time.Millisecond: "one minute",
		2 * time.Minute:                       "two minutes",
		19*time.Minute + 29*time.Second:       "twenty minutes",
		time.Hour:                             "one hour",
		time.Hour + time.Minute:               "one hour and one minute",
		90 * time.Minute:                      "one hour and thirty minutes",
		2*time.Hour + 39*time.Minute + 59*time.Second + 1: "two hours and forty minutes",
	} {
		if got := spokenSpan(d); got != want {
			t.Errorf("spokenSpan(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestNumber(t *testing.T) {
	for n, want := range map[int64]string{
		0: "zero", 13: "thirteen", 20: "twenty", 45: "forty-five", 99: "ninety-nine", 100: "one hundred",
		120: "one hundred and twenty", 999: "nine hundred and ninety-nine", 1000: "1000", -1: "-1",
	} {
		if got := number(n); got != want {
			t.Errorf("number(%d) = %q, want %q", n, got, want)
		}
	}
}

// Every change of every preset over three days, with nights, on both
// clocks, is said in whole sentences with no digits and no abbreviations.
func TestSpokenHasNoDigitsOrAbbreviations(t *testing.T) {
	t.Cleanup(func() { Use12HourClock(false) })
	for _, twelve := range []bool{false, true} {
		Use12HourClock(twelve)
		for _, p := range schedule.Presets() {
			c := schedule.Course{Start: at("08:00"), Protocol: p.Protocol}
			var err error
			if c.Quiet, err = schedule.ParseQuietHours("23:00-07:00", zone); err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, tr := range c.Transitions(c.Start, c.Start.Add(72*time.Hour)) {
				n++
				s := Spoken(c, []schedule.Transition{tr}, c.StateAt(tr.At), zone)
				if s == "" || strings.ContainsFunc(s, unicode.IsDigit) || abbreviated(s) || strings.Contains(s, "  ") ||
					!strings.HasSuffix(s, ".") || !unicode.IsUpper(rune(s[0])) {
					t.Fatalf("%s at %v (12 h %v): %q", p.ID, tr.At, twelve, s)
				}
			}
			if n < 10 {
				t.Fatalf("%s: only %d changes in three days", p.ID, n)
			}
		}
	}
}

// abbreviated reports whether s holds a unit as the screen writes it.
func abbreviated(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "min", "h", "s", "AM", "PM":
			return true
		}
	}
	return false
}

// A reminder carries its spoken form, but nothing is said during quiet
// hours: the change that begins them is said on time, and neither its
// repeats nor a late telling of it, nor anything else until the morning.
func TestReminderSpokenNeverInQuietHours(t *testing.T) {
	c := course(t, "ice 20m, rest 20m", "", "", "08:50-07:00") // the second ice, from 08:40, ends at 08:50
	night := c.Transitions(at("08:50"), at("08:50").Add(time.Nanosecond))
	morning := at("07:00").AddDate(0, 0, 1)
	for _, tc := range []struct {
		name   string
		r      Reminder
		spoken bool
	}{
		{"the night begins, on time", For(c, night, c.StateAt(at("08:50")), zone), true},
		{"the night begins, told 30 s late", For(c, night, c.StateAt(at("08:50").Add(30*time.Second)), zone), true},
		{"the night begins, told at two", For(c, night, c.StateAt(at("02:00").AddDate(0, 0, 1)), zone), false},
		{"its repeat two minutes on", Repeat(c, night[0], 1, c.StateAt(at("08:52")), zone), false},
		{"the morning", For(c, c.Transitions(morning, morning.Add(time.Nanosecond)), c.StateAt(morning), zone), true},
		{"a repeat in the day", Repeat(c, c.Transitions(at("08:20"), at("08:21"))[0], 1, c.StateAt(at("08:22")), zone), true},
	} {
		if got := tc.r.Spoken != ""; got != tc.spoken {
			t.Errorf("%s: spoken %q, want spoken %v", tc.name, tc.r.Spoken, tc.spoken)
		}
	}
}
