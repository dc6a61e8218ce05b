// Package reporttest is a sample of two days of check-ins, for the golden
// files of `icetimer report` (Markdown in package report, JSON in package
// document), so both are made from the same history.
package reporttest

import (
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// Sample is a finished day of ice (one removal acknowledged 5 minutes
// late, check-ins that do not fall, the skin numb once) and a second day
// moved on to heat (one put-on confirmed, the others not), and the instant
// the report is made, all in UTC.
func Sample() (records []store.Record, now time.Time) {
	m := time.Minute
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	at := func(d time.Duration) time.Time { return start.Add(d) }
	c := schedule.Course{Preset: "ice-then-heat", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{
		{Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * m}, {Kind: schedule.Rest, Duration: 20 * m}}, Window: 48 * time.Hour},
		{Cycle: schedule.Cycle{{Kind: schedule.Heat, Duration: 20 * m}, {Kind: schedule.Rest, Duration: 20 * m}}},
	}}}
	c.Events = []schedule.Event{
		{Type: schedule.Ack, At: at(21 * m)},
		{Type: schedule.Ack, At: at(65 * m)}, // 5 min late
		{Type: schedule.Ack, At: at(101 * m)},
		{Type: schedule.Numb, At: at(128 * m)},
		{Type: schedule.Stop, At: at(150 * m)},
	}
	c.SkinCheck = 8 * m
	c.Pain = []schedule.PainScore{
		{At: at(0), Score: 7, Note: "sharp, low on the left"},
		{At: at(21 * m), Score: 6},
		{At: at(61 * m), Score: 6},
		{At: at(101 * m), Score: 6},
	}
	day2 := start.Add(24 * time.Hour)
	c2 := c
	c2.ConfirmPutOn = true
	c2.Start, c2.Events, c2.Pain = day2, []schedule.Event{{Type: schedule.NextStage, At: day2.Add(5 * m)}, {Type: schedule.Confirm, At: day2.Add(47 * m)}}, []schedule.PainScore{
		{At: day2.Add(4 * m), Score: 6},
		{At: day2.Add(26 * m), Score: 5},
		{At: day2.Add(3 * time.Hour), Score: 4, Note: "walked 10 min"},
	}
	return []store.Record{{Course: c, EndedAt: at(150 * m), Reason: store.Stopped}, {Course: c2}}, day2.Add(4 * time.Hour)
}
