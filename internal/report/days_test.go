package report

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// custom is a course of one cycle repeated until stopped, quiet hours off.
func custom(t *testing.T, spec string, start time.Time) schedule.Course {
	t.Helper()
	cycle, err := schedule.ParseCycle(spec)
	if err != nil {
		t.Fatal(err)
	}
	return schedule.Course{Preset: "custom", Protocol: schedule.Protocol{Stages: []schedule.Stage{{Cycle: cycle}}}, Start: start}
}

type dayWant struct {
	date              string
	ice, heat         int
	iceMin, heatMin   int
	started, finished int
}

func checkFigures(t *testing.T, got []Day, want []dayWant) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d days, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		gw := dayWant{g.Day.Format("2006-01-02"), g.Ice.Count, g.Heat.Count,
			int(g.Ice.Time / time.Minute), int(g.Heat.Time / time.Minute), g.Started, g.Finished}
		if gw != w || g.Day.Hour() != 0 || g.Day.Minute() != 0 {
			t.Errorf("day %d = %+v (starts %v), want %+v", i, gw, g.Day, w)
		}
	}
}

// Across midnight: the saved course's ice phase 23:50-00:10 counts once, on
// the day it began, and adds 10 minutes to each day; the ice phase running
// at now counts up to now. History adds a stopped heat course and a replaced
// ice course two days back.
func TestFiguresAcrossMidnight(t *testing.T) {
	loc := berlin(t)
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, loc) }
	// ice 23:50-00:10, rest -00:30, ice 00:30-00:50, rest -01:10, ice 01:10-(now 01:20).
	saved := custom(t, "ice 20m, rest 20m", at(20, 23, 50))
	// heat 10:00-10:20, rest -10:30, heat 10:30-(stop 10:45).
	heat := stopped(custom(t, "heat 20m, rest 10m", at(19, 10, 0)), at(19, 10, 45))
	// ice 12:00-12:20, rest until replaced at 12:30.
	replaced := custom(t, "ice 20m, rest 20m", at(19, 12, 0))
	// long before the span: counts nowhere.
	old := stopped(custom(t, "ice 20m, rest 20m", at(10, 12, 0)), at(10, 18, 0))
	records := []store.Record{
		{Course: old, EndedAt: at(10, 18, 0), Reason: store.Stopped},
		{Course: heat, EndedAt: at(19, 10, 45), Reason: store.Stopped},
		{Course: replaced, EndedAt: at(19, 12, 30), Reason: store.Replaced},
		{Course: saved},
	}
	got := Days(records, at(21, 1, 20), 3, loc)
	checkFigures(t, got, []dayWant{
		{date: "2026-11-19", ice: 1, iceMin: 20, heat: 2, heatMin: 35, started: 2, finished: 2},
		{date: "2026-11-20", ice: 1, iceMin: 10, started: 1},
		{date: "2026-11-21", ice: 2, iceMin: 40},
	})
}

// Across the change from summer time: in Berlin 2026-10-25 has 25 hours
// (03:00 CEST becomes 02:00 CET). Ice 1h, rest 1h from 22:00 CEST on the 24th
// (20:00 UTC) puts an ice hour at every even UTC hour; the 25th runs from
// 22:00 UTC on the 24th to 23:00 UTC on the 25th and so holds 13 of them. A
// day taken as 24 hours would hold 12.
func TestFiguresAcrossDaylightSavingChange(t *testing.T) {
	loc := berlin(t)
	start := time.Date(2026, 10, 24, 22, 0, 0, 0, loc)
	now := time.Date(2026, 10, 26, 1, 30, 0, 0, loc) // 00:30 UTC: half an ice hour
	got := Days([]store.Record{{Course: custom(t, "ice 1h, rest 1h", start)}}, now, 3, loc)
	checkFigures(t, got, []dayWant{
		{date: "2026-10-24", ice: 1, iceMin: 60, started: 1},
		{date: "2026-10-25", ice: 13, iceMin: 13 * 60},
		{date: "2026-10-26", ice: 1, iceMin: 30},
	})
}

// A course that finishes by its window's end counts as finished that day.
func TestFiguresCountAFinishedCourse(t *testing.T) {
	loc := berlin(t)
	p, _ := schedule.PresetByID("ice-20-20")
	start := time.Date(2026, 11, 18, 8, 0, 0, 0, loc)
	c := schedule.Course{Preset: p.ID, Protocol: p.Protocol, Start: start}
	got := Days([]store.Record{{Course: c}}, time.Date(2026, 11, 21, 12, 0, 0, 0, loc), 4, loc)
	// 72 hours of ice 20, rest 20 with no quiet hours: 36 ice phases a day.
	checkFigures(t, got, []dayWant{
		{date: "2026-11-18", ice: 24, iceMin: 24 * 20, started: 1},
		{date: "2026-11-19", ice: 36, iceMin: 36 * 20},
		{date: "2026-11-20", ice: 36, iceMin: 36 * 20},
		{date: "2026-11-21", ice: 12, iceMin: 12 * 20, finished: 1},
	})
}

// berlin is a zone with daylight saving: 2026-10-25 03:00 CEST becomes 02:00 CET.
func berlin(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatalf("time zone data: %v", err)
	}
	return loc
}

// stopped is c with a stop at at.
func stopped(c schedule.Course, at time.Time) schedule.Course {
	c.Events = append(append([]schedule.Event(nil), c.Events...), schedule.Event{Type: schedule.Stop, At: at})
	return c
}

// A day lists its numb answers and the put-ons nothing confirmed once their
// phase is over; the put-on still waiting now may yet be answered.
func TestDaysListNumbAndUnconfirmedPutOns(t *testing.T) {
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	c := custom(t, "ice 20m, rest 20m", start)
	c.SkinCheck, c.ConfirmPutOn = 8*time.Minute, true
	c.Events = []schedule.Event{
		{Type: schedule.Confirm, At: start.Add(time.Minute)},   // the start's, confirmed: ice until 08:21
		{Type: schedule.Ack, At: start.Add(22 * time.Minute)},  // removal of 08:21
		{Type: schedule.Numb, At: start.Add(50 * time.Minute)}, // the 08:41 put-on never answered; numb at 08:50
	}
	now := start.Add(time.Hour + 15*time.Minute) // 09:15: the 09:10 put-on (20 min after the numb) waits
	d := Days([]store.Record{{Course: c}}, now, 1, time.UTC)[0]
	if len(d.Numb) != 1 || !d.Numb[0].Equal(start.Add(50*time.Minute)) {
		t.Fatalf("numb %v, want [08:50]", d.Numb)
	}
	if len(d.Unconfirmed) != 1 || d.Unconfirmed[0] != (PutOn{At: start.Add(41 * time.Minute), Kind: schedule.Ice}) {
		t.Fatalf("unconfirmed %+v, want the 08:41 ice only", d.Unconfirmed)
	}
	later := Days([]store.Record{{Course: c}}, start.Add(time.Hour+35*time.Minute), 1, time.UTC)[0]
	if len(later.Unconfirmed) != 2 {
		t.Fatalf("once its phase is over the 09:10 put-on is unconfirmed too: %+v", later.Unconfirmed)
	}
}
