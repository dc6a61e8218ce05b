package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// heatDays is history with one 20-minute heat application at 10:00 on each
// of the days before today's midnight given by how many days back (1 is
// yesterday), each course stopped at 10:30.
func heatDays(t *testing.T, loc *time.Location, today time.Time, back ...int) []store.Record {
	t.Helper()
	var records []store.Record
	for i := len(back) - 1; i >= 0; i-- {
		y, m, d := today.Date()
		start := time.Date(y, m, d-back[i], 10, 0, 0, 0, loc)
		end := start.Add(30 * time.Minute)
		records = append(records, store.Record{Course: stopped(custom(t, "heat 20m, rest 20m", start), end), EndedAt: end, Reason: store.Stopped})
	}
	return records
}

// span is 1 to n.
func span(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

func TestHeatInARowCountsDaysWithHeatUpToFourteen(t *testing.T) {
	loc := berlin(t)
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, loc) // before today's heat
	for _, tt := range []struct {
		name string
		back []int
		want []int // the last three days' HeatInARow, today last
	}{
		{"none", nil, []int{0, 0, 0}},
		{"thirteen days", span(13), []int{12, 13, 0}},
		{"fourteen days", span(14), []int{13, 14, 0}},
		{"twenty days: counted up to fourteen", span(20), []int{14, 14, 0}},
		{"a day without heat starts again", append(span(5), 7, 8, 9), []int{4, 5, 0}},
		{"the day before yesterday missed", append([]int{1}, span(20)[2:]...), []int{0, 1, 0}},
	} {
		got := Days(heatDays(t, loc, now, tt.back...), now, 3, loc)
		for i, w := range tt.want {
			if got[i].HeatInARow != w {
				t.Errorf("%s: day %s has %d days in a row, want %d", tt.name, got[i].Day.Format("Mon 02"), got[i].HeatInARow, w)
			}
		}
	}
}

// The line is due once today ends fourteen days with heat, and stays due
// through the next day until it passes with no heat.
func TestHeatLineDueAfterFourteenDaysInARow(t *testing.T) {
	loc := berlin(t)
	morning := time.Date(2026, 11, 21, 9, 0, 0, 0, loc)
	heatNow := custom(t, "heat 20m, rest 20m", morning.Add(time.Hour)) // 10:00
	iceNow := custom(t, "ice 20m, rest 20m", morning.Add(time.Hour))
	for _, tt := range []struct {
		name    string
		back    []int
		running schedule.Course
		now     time.Time
		want    bool
	}{
		{"13 days and heat today", span(13), heatNow, morning.Add(90 * time.Minute), true},
		{"13 days, today's heat not yet begun", span(13), heatNow, morning, false},
		{"13 days and ice today", span(13), iceNow, morning.Add(90 * time.Minute), false},
		{"12 days and heat today", span(12), heatNow, morning.Add(90 * time.Minute), false},
		{"14 days, none yet today", span(14), iceNow, morning.Add(90 * time.Minute), true},
		{"14 days ending the day before yesterday", span(15)[1:], iceNow, morning.Add(90 * time.Minute), false},
	} {
		if got := HeatLineDue(heatDays(t, loc, morning, tt.back...), tt.running, tt.now, loc); got != tt.want {
			t.Errorf("%s: due = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// The report and history carry the line once when a day of theirs ends two
// weeks of heat, and not before.
func TestReportAndHistorySayTheHeatLineOnce(t *testing.T) {
	loc := berlin(t)
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, loc)
	for n, want := range map[int]int{13: 0, 14: 1, 16: 1} {
		records := heatDays(t, loc, now, span(n)...)
		s := Summarise(Days(records, now, 7, loc), nil, now)
		var md, hist bytes.Buffer
		if err := s.Markdown(&md); err != nil {
			t.Fatal(err)
		}
		if err := WriteHistory(&hist, s.Days); err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(md.String(), words.HeatTwoWeeks); got != want {
			t.Errorf("%d days of heat: the report says the line %d times, want %d", n, got, want)
		}
		if got := strings.Count(hist.String(), words.HeatTwoWeeks); got != want {
			t.Errorf("%d days of heat: history says the line %d times, want %d", n, got, want)
		}
	}
}
