package remind

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

func TestRemovalsAreTimedFromTheirReminder(t *testing.T) {
	m := time.Minute
	c := iceCourse(testStart) // ice off at +20m, +60m, +100m, +140m
	c.Events = []schedule.Event{
		{Type: schedule.Ack, At: testStart.Add(22 * m)},             // 2 min: on time
		{Type: schedule.Ack, At: testStart.Add(62*m + time.Second)}, // late by 2m01s
		{Type: schedule.Skip, At: testStart.Add(130 * m)},           // the ice of +120m skipped: no reminder
	}
	got := Removals(c, c.Start, testStart.Add(170*m))
	if len(got) != 3 {
		t.Fatalf("removals %+v, want those at +20m, +60m, +100m", got)
	}
	for i, want := range []struct {
		at       time.Duration
		answered time.Duration // -1: none
		late     bool
	}{{20 * m, 22 * m, false}, {60 * m, 62*m + time.Second, true}, {100 * m, -1, false}} {
		r := got[i]
		if !r.At.Equal(testStart.Add(want.at)) || r.Late() != want.late || r.Kind != schedule.Ice ||
			(want.answered < 0) != r.Answered.IsZero() || (want.answered >= 0 && !r.Answered.Equal(testStart.Add(want.answered))) {
			t.Errorf("removal %d: %+v, want at +%v answered +%v late %v", i, r, want.at, want.answered, want.late)
		}
	}
}

// Put-ons that asked "Is it on?" are listed with their answer: a
// confirmation or any other key; unanswered, not confirmed. A morning held
// by a pause never asked.
func TestPutOnsAreListedWithTheirAnswer(t *testing.T) {
	m := time.Minute
	c := askingCourse() // ice on at +0, +40m, +80m, +120m
	c.Events = []schedule.Event{
		{Type: schedule.Confirm, At: testStart.Add(3 * m)},
		{Type: schedule.Ack, At: testStart.Add(24 * m)},                   // the removal of +23m (the phase counts from +3m)
		{Type: schedule.Extend, At: testStart.Add(45 * m), Amount: 5 * m}, // answers the put-on of +43m
	}
	got := PutOns(c, c.Start, testStart.Add(130*m))
	want := []PutOn{
		{At: testStart, Kind: schedule.Ice, Confirmed: testStart.Add(3 * m)},
		{At: testStart.Add(43 * m), Kind: schedule.Ice, Confirmed: testStart.Add(45 * m)},
		{At: testStart.Add(88 * m), Kind: schedule.Ice},
		{At: testStart.Add(128 * m), Kind: schedule.Ice},
	}
	if len(got) != len(want) {
		t.Fatalf("put-ons %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("put-on %d: %+v, want %+v", i, got[i], want[i])
		}
	}

	night := askingCourse()
	night.Quiet = schedule.QuietHours{Enabled: true, Start: 23 * time.Hour, End: 7 * time.Hour, Location: time.UTC}
	night.Events = []schedule.Event{{Type: schedule.Pause, At: testStart.Add(16 * time.Hour)}} // Sun 00:00
	morning := testStart.Add(23 * time.Hour)
	if got := PutOns(night, morning, morning.Add(time.Hour)); len(got) != 0 {
		t.Fatalf("a paused morning's put-on is listed: %+v", got)
	}
	if got := Removals(askingCourse(), testStart, testStart.Add(130*m)); len(got) != 3 {
		t.Fatalf("removals of an asking course %+v, want 3", got)
	}
}

// The removal a numb answer makes waits like a scheduled one: the numb
// event does not answer it, the next key does.
func TestANumbRemovalIsAnsweredByTheNextKey(t *testing.T) {
	m := time.Minute
	c := iceCourse(testStart)
	c.SkinCheck = 8 * m
	c.Events = []schedule.Event{{Type: schedule.Numb, At: testStart.Add(9 * m)}, {Type: schedule.Ack, At: testStart.Add(12 * m)}}
	got := Removals(c, c.Start, testStart.Add(20*m))
	if len(got) != 1 || !got[0].At.Equal(testStart.Add(9*m)) || !got[0].Answered.Equal(testStart.Add(12*m)) || !got[0].Late() {
		t.Fatalf("removals %+v, want the numb one at +9m, answered late at +12m", got)
	}
}
