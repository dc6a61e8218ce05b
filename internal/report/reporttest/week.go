package reporttest

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// weekNotes are the notes a person adds to some check-ins over a week.
var weekNotes = []string{
	"sharp, low on the left; hard to get out of bed",
	"the towel slipped, put it back",
	"slept badly, stiff in the morning",
	"walked to the shop and back, 10 min",
	"better after the hot shower",
	"sat at the desk too long <again>",
	"bending to the dishwasher still hurts",
	"first day without painkillers",
	"stretches from the leaflet, gently",
}

// Week is seven days of a typical course, as a person keeps one, and the
// instant the report is made (day 7, 18:00), all in UTC: ice-25-90 with
// quiet hours 23:00-07:00 from day 1 at 08:00 until its 72 hours end, then
// a course of heat 20 min, rest 1 h 40 min from day 4 at 10:00, running.
// Most reminders to take a pack off are acknowledged within a minute,
// every fifth late (by 3 to 11 minutes), every seventh never. Two removals
// in three get a check-in a minute later, easing from 7 to 3 with a real
// week's ups and downs, and some carry a note (one with <, >).
func Week() (records []store.Record, now time.Time) {
	day1 := time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC)
	now = day1.AddDate(0, 0, 6).Add(10 * time.Hour)
	quiet, _ := schedule.ParseQuietHours("23:00-07:00", time.UTC)
	ice, _ := schedule.PresetByID("ice-25-90")
	first := schedule.Course{Preset: ice.ID, Protocol: ice.Protocol, Start: day1, Quiet: quiet}
	heat := schedule.Course{Preset: "custom", Start: day1.AddDate(0, 0, 3).Add(2 * time.Hour), Quiet: quiet,
		Protocol: schedule.Protocol{Stages: []schedule.Stage{{Cycle: schedule.Cycle{
			{Kind: schedule.Heat, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 100 * time.Minute}}}}}}
	end := first.StateAt(heat.Start).Current.Start // its window ran out before
	n := 0
	first, n = kept(first, end, day1, now, n)
	heat, _ = kept(heat, now, day1, now, n)
	return []store.Record{{Course: first, EndedAt: end, Reason: store.Finished}, {Course: heat}}, now
}

// kept is c with the acknowledgements and check-ins of its removals up to
// limit, numbered on from n (the removals of the courses before it), pain
// easing from 7 at from to 3 at to; and the number after its last.
func kept(c schedule.Course, limit, from, to time.Time, n int) (schedule.Course, int) {
	for _, t := range c.Transitions(c.Start, limit) {
		if !t.From.Kind.IsOn() || t.To.Kind == t.From.Kind {
			continue
		}
		switch {
		case n%7 == 6: // never acknowledged
		case n%5 == 4:
			c.Events = append(c.Events, schedule.Event{Type: schedule.Ack, At: t.At.Add(time.Duration(3+n*3%9) * time.Minute)})
		default:
			c.Events = append(c.Events, schedule.Event{Type: schedule.Ack, At: t.At.Add(40 * time.Second)})
		}
		if n%3 != 2 {
			eased := 4 * t.At.Sub(from).Hours() / to.Sub(from).Hours()
			score := max(0, min(10, int(7.5-eased)+[]int{0, 1, 0, -1, 1, 0}[n%6]))
			p := schedule.PainScore{At: t.At.Add(time.Minute), Score: score}
			if note := n / 5; n%5 == 0 && note < len(weekNotes) {
				p.Note = weekNotes[note]
			}
			c.Pain = append(c.Pain, p)
		}
		n++
	}
	return c, n
}
