// Package calendar writes a course's plan as an iCalendar file (RFC 5545)
// for `icetimer plan --ics`: one event per ice or heat phase, each with an
// alarm at its start (put the pack on) and one at its end (take it off).
//
// The file is the plan as it stands: it knows nothing of a later pause,
// skip or +/-, after which its times are wrong; and some calendar services
// drop the alarms of an imported file. It is a view to plan a day by, not
// the reminders.
package calendar

import (
	"fmt"
	"io"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// ProductID names icetimer as the file's maker (PRODID).
const ProductID = "-//icetimer//icetimer//EN"

// Write writes the on-phases among segs, segments of course c (as
// c.Segments gives them), to w as an iCalendar file; stamp is when it was
// made (DTSTAMP).
func Write(w io.Writer, c schedule.Course, segs []schedule.Segment, stamp time.Time) error {
	cal := ics.NewCalendar()
	// The product is icetimer, not the library that writes the file (RFC
	// 5545 3.7.3: "-//vendor//product//language").
	cal.SetProductId(ProductID)
	cal.SetMethod(ics.MethodPublish)
	cal.SetName("icetimer: " + c.Preset)
	for _, s := range segs {
		if !s.Kind.IsOn() || !s.End.After(s.Start) {
			continue
		}
		e := cal.AddEvent(fmt.Sprintf("%d-%d@icetimer", c.Start.Unix(), s.Start.Unix()))
		e.SetDtStampTime(stamp)
		e.SetStartAt(s.Start)
		e.SetEndAt(s.End)
		pack := packName(s.Kind)
		e.SetSummary(fmt.Sprintf("%s on (%s)", pack.title, words.Span(s.Length())))
		e.SetDescription(fmt.Sprintf("Put the %s on at the start; remove it at the end.", pack.name))
		alarm(e, ics.ComponentPropertyDtStart, "Put the "+pack.name+" on")
		alarm(e, ics.ComponentPropertyDtEnd, "Remove the "+pack.name)
	}
	return cal.SerializeTo(w)
}

// alarm adds a display alarm to e at its start or its end (related).
func alarm(e *ics.VEvent, related ics.ComponentProperty, text string) {
	a := e.AddAlarm()
	a.SetAction(ics.ActionDisplay)
	rel := "START"
	if related == ics.ComponentPropertyDtEnd {
		rel = "END"
	}
	a.SetTrigger("PT0S", &ics.KeyValues{Key: string(ics.ParameterRelated), Value: []string{rel}})
	a.SetProperty(ics.ComponentPropertyDescription, text)
}

// packName is what goes on in a phase of kind k, as a title and in a
// sentence.
func packName(k schedule.Kind) (p struct{ title, name string }) {
	p.title, p.name = "Ice pack", "ice pack"
	if k == schedule.Heat {
		p.title, p.name = "Heat pack", "heat pack"
	}
	return p
}
