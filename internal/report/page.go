package report

import (
	"strconv"
	"time"

	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// page is what report.html.tmpl shows: the summary's figures as the
// strings and shapes a person reads, in the order the page gives them.
// The template holds the page's own words (headings, "none").
type page struct {
	From, To, Made string
	// Safety is the answers, one per question; Taken false when the check
	// was never taken; Ask is words.AskClinician's line after a yes.
	Safety struct {
		Taken   bool
		At, Ask string
		Rows    []answerRow
	}
	Courses []courseRow
	Days    []dayRow
	// Numb and Unconfirmed are the events with their time: "Tue 17 Nov
	// 09:08", "Fri 20 Nov 12:00 heat".
	Numb, Unconfirmed []string
	// PainCount is the number of check-ins; First and Last say the first
	// and last score with their time, Trend the trend's word ("" for none).
	PainCount          int
	First, Last, Trend string
	Notes              []string
	Advice             []adviceRow
	HeatLine, RedFlags string
	PainScale          string
	// LateAfter is how late an acknowledgement counts as late: "2 min".
	LateAfter           string
	Applications, Pains chart
}

type answerRow struct{ Topic, Answer string }

type courseRow struct {
	Preset, Name string
	Stages       []stageRow
	Quiet        string
	From, To     string
	// How is how it ended: stopped, finished, replaced; "" while it runs.
	How string
}

type stageRow struct{ Cycle, Window string }

type dayRow struct {
	Day, Ice, Heat   string
	Removals, Missed int
	Late, Pain       string
}

type adviceRow struct{ At, Text, Source string }

// pageOf is s as the page shows it, clock times in s.Now's location.
func pageOf(s Summary) page {
	loc := s.Now.Location()
	day := func(t time.Time) string { return t.In(loc).Format("Mon 02 Jan") }
	stamp := func(t time.Time) string { return t.In(loc).Format("Mon 02 Jan ") + words.Clock(t.In(loc)) }
	p := page{To: s.Now.In(loc).Format("Mon 02 Jan 2006"), Made: stamp(s.Now),
		RedFlags: words.RedFlags, PainScale: words.PainScale, LateAfter: words.Span(remind.LateAfter)}
	if len(s.Days) > 0 {
		p.From = s.Days[0].Day.Format("Mon 02 Jan 2006")
	}
	p.Safety.Taken = s.Safety.Taken()
	if p.Safety.Taken {
		p.Safety.At = stamp(s.Safety.At)
		p.Safety.Ask = words.AskClinician(s.Safety.Cautions())
		for _, q := range safety.Questions {
			p.Safety.Rows = append(p.Safety.Rows, answerRow{words.SafetyTopic(q.ID), words.SafetyAnswer(s.Safety, q.ID)})
		}
	}
	for _, r := range s.Courses {
		p.Courses = append(p.Courses, courseRowOf(r, s.Now, stamp))
	}
	for _, d := range s.Days {
		p.Days = append(p.Days, dayRow{Day: day(d.Day), Ice: applications(d.Ice), Heat: applications(d.Heat),
			Removals: d.Removals, Missed: d.Unanswered, Late: lateBy(d), Pain: PainLine(d)})
		for _, t := range d.Numb {
			p.Numb = append(p.Numb, stamp(t))
		}
		for _, u := range d.Unconfirmed {
			p.Unconfirmed = append(p.Unconfirmed, stamp(u.At)+" "+string(u.Kind))
		}
	}
	if n := len(s.Pain); n > 0 {
		p.PainCount, p.Trend = n, string(s.Trend)
		p.First = strconv.Itoa(s.Pain[0].Score) + " (" + stamp(s.Pain[0].At) + ")"
		p.Last = strconv.Itoa(s.Pain[n-1].Score) + " (" + stamp(s.Pain[n-1].At) + ")"
	}
	for _, sc := range s.Pain {
		if sc.Note != "" {
			p.Notes = append(p.Notes, stamp(sc.At)+", pain "+strconv.Itoa(sc.Score)+": "+sc.Note)
		}
	}
	for _, g := range s.Advice {
		p.Advice = append(p.Advice, adviceRow{stamp(g.At), words.Advice(g.Rule), words.AdviceSource(g.Rule)})
	}
	if s.HeatTwoWeeks() {
		p.HeatLine = words.HeatTwoWeeks
	}
	p.Applications, p.Pains = applicationsChart(s.Days), painChart(s.Days, s.Pain)
	return p
}

// courseRowOf is the course in r: its preset, stages, quiet hours and when
// it ran, up to now.
func courseRowOf(r store.Record, now time.Time, stamp func(time.Time) string) courseRow {
	c := r.Course
	row := courseRow{Preset: c.Preset, Quiet: c.Quiet.String(), From: stamp(c.Start)}
	if p, ok := schedule.PresetByID(c.Preset); ok {
		row.Name = p.Name
	}
	for _, st := range c.Protocol.Stages {
		sr := stageRow{Cycle: schedule.FormatCycle(st.Cycle)}
		if !st.UntilStopped() {
			sr.Window = schedule.FormatDuration(st.Window)
		}
		row.Stages = append(row.Stages, sr)
	}
	limit := now
	if !r.EndedAt.IsZero() && r.EndedAt.Before(now) {
		limit = r.EndedAt
	}
	if end, ended := courseEnd(r, limit); ended {
		row.To, row.How = stamp(end), string(r.Reason)
		if r.Reason == "" {
			row.How = string(store.Finished) // the saved course, over by its window
		}
	}
	return row
}
