package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"

	"github.com/icetimer/icetimer/internal/schedule"
)

// The file read back by another library holds one event per on-phase with
// an alarm at its start and one at its end. (cmd/icetimer compares it with
// plan --json.)
func TestTheFileReadsBackWithItsAlarms(t *testing.T) {
	start := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	c := schedule.Course{Preset: "custom", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle:  schedule.Cycle{{Kind: schedule.Heat, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 40 * time.Minute}},
		Window: 3 * time.Hour,
	}}}}
	var buf bytes.Buffer
	if err := Write(&buf, c, c.Segments(start, start.Add(24*time.Hour)), start); err != nil {
		t.Fatal(err)
	}
	cal, err := goical.NewDecoder(&buf).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read it: %v\n%s", err, buf.String())
	}
	if id, _ := cal.Props.Text(goical.PropProductID); id != ProductID {
		t.Errorf("PRODID %q, want icetimer's %q", id, ProductID)
	}
	events := cal.Events()
	if len(events) != 3 {
		t.Fatalf("%d events, want 3 heat phases", len(events))
	}
	for i, e := range events {
		from, err1 := e.DateTimeStart(time.UTC)
		to, err2 := e.DateTimeEnd(time.UTC)
		want := start.Add(time.Duration(i) * time.Hour)
		if err1 != nil || err2 != nil || !from.Equal(want) || to.Sub(from) != 20*time.Minute {
			t.Errorf("event %d: %v-%v (%v %v), want 20 min from %v", i, from, to, err1, err2, want)
		}
		if s, _ := e.Props.Text(goical.PropSummary); !strings.HasPrefix(s, "Heat pack on") {
			t.Errorf("event %d summary %q", i, s)
		}
		var related []string
		for _, a := range e.Children {
			if a.Name != goical.CompAlarm {
				continue
			}
			trig := a.Props.Get(goical.PropTrigger)
			if trig == nil || trig.Value != "PT0S" || a.Props.Get(goical.PropAction).Value != "DISPLAY" {
				t.Fatalf("event %d alarm %+v", i, a.Props)
			}
			related = append(related, trig.Params.Get(goical.ParamRelated))
		}
		if strings.Join(related, ",") != "START,END" {
			t.Errorf("event %d alarms related to %v, want START,END", i, related)
		}
	}
}
