package report

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// HeatDays is how many days in a row with heat make section 9's heat line
// due: daily heat for weeks can mark the skin (erythema ab igne).
const HeatDays = 14

// heatRuns sets each day's HeatInARow from the days before it in days
// (oldest first), counted up to HeatDays.
func heatRuns(days []Day) {
	run := 0
	for i := range days {
		run++
		if days[i].Heat.Time <= 0 {
			run = 0
		}
		days[i].HeatInARow = min(run, HeatDays)
	}
}

// HeatLineDue says whether section 9's heat line is due at now: now's day,
// or the day before while now's has had no heat yet, ends HeatDays days in
// a row with heat. history is the courses of history that ended in the last
// HeatDays+1 days (store.Recent) and c the course running now, as for
// Today. It is a pure function of them: showing the line once is the
// caller's part.
func HeatLineDue(history []store.Record, c schedule.Course, now time.Time, loc *time.Location) bool {
	records := append(history[:len(history):len(history)], store.Record{Course: c})
	days := count(records, now, HeatDays+1, loc, false)
	heatRuns(days)
	today, yesterday := days[HeatDays], days[HeatDays-1]
	return today.HeatInARow >= HeatDays || today.Heat.Time <= 0 && yesterday.HeatInARow >= HeatDays
}

// HeatTwoWeeks reports whether a day of the summary ends HeatDays days in
// a row with heat: the report then carries section 9's heat line, once.
func (s Summary) HeatTwoWeeks() bool {
	for _, d := range s.Days {
		if d.HeatInARow >= HeatDays {
			return true
		}
	}
	return false
}
