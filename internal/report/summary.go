package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// Summary is `icetimer report`: what a person recorded over some days, to
// show a clinician. It holds figures only; Markdown writes it for a person,
// package document for a script.
type Summary struct {
	// Now is when it was made; Days are the days up to it, oldest first.
	Now  time.Time
	Days []Day
	// Pain is every check-in of the days, in order, and Trend its trend.
	Pain  []schedule.PainScore
	Trend Trend
	// Advice is the advice the check-ins called for within the days.
	Advice []advice.Given
	// Courses are the courses that ran within the days, oldest first, each
	// with how it ended (a zero EndedAt: the saved course). Filled by
	// Gather.
	Courses []store.Record
	// Safety is the answers to the one-time safety questions; zero when
	// they were never answered. Filled by Gather.
	Safety safety.Answers
}

// Summarise makes the summary of the days' figures, with the advice given
// (advice.For) of which those within the days are kept.
func Summarise(figures []Day, given []advice.Given, now time.Time) Summary {
	s := Summary{Now: now, Days: figures}
	for _, f := range figures {
		s.Pain = append(s.Pain, f.Pain...)
	}
	s.Trend = TrendOf(s.Pain)
	if len(figures) > 0 {
		for _, g := range given {
			if !g.At.Before(figures[0].Day) {
				s.Advice = append(s.Advice, g)
			}
		}
	}
	return s
}

// Markdown writes the summary to be read in a minute: pain and its trend,
// a table of the days, the advice given, the notes, the urgent signs.
func (s Summary) Markdown(w io.Writer) error {
	var b strings.Builder
	day := func(t time.Time) string { return t.In(s.Now.Location()).Format("Mon 02 Jan 2006") }
	stamp := func(t time.Time) string {
		return t.In(s.Now.Location()).Format("Mon 02 Jan ") + words.Clock(t.In(s.Now.Location()))
	}
	if len(s.Days) > 0 {
		fmt.Fprintf(&b, "# icetimer report, %s to %s\n\n", day(s.Days[0].Day), day(s.Now))
	}
	b.WriteString("What the person recorded in icetimer, a reminder timer for ice and heat packs. Not a medical record.\n\n")
	fmt.Fprintf(&b, "## Pain (%s)\n\n", words.PainScale)
	switch n := len(s.Pain); n {
	case 0:
		b.WriteString("No check-ins.\n\n")
	default:
		first, last := s.Pain[0], s.Pain[n-1]
		if n == 1 {
			fmt.Fprintf(&b, "1 check-in: %d (%s)", first.Score, stamp(first.At))
		} else {
			fmt.Fprintf(&b, "%d check-ins, from %d (%s) to %d (%s)", n, first.Score, stamp(first.At), last.Score, stamp(last.At))
		}
		if s.Trend != NoTrend {
			fmt.Fprintf(&b, ": %s", s.Trend)
		}
		b.WriteString(".\n\n")
	}
	b.WriteString("## Day by day\n\n| Day | Ice | Heat | Removals acknowledged late | Pain |\n|---|---|---|---|---|\n")
	for _, f := range s.Days {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", f.Day.Format("Mon 02 Jan"), applications(f.Ice), applications(f.Heat), late(f, true), PainLine(f))
	}
	if s.HeatTwoWeeks() {
		b.WriteString("\n" + words.HeatTwoWeeks + "\n")
	}
	var numb, unconfirmed []string
	for _, d := range s.Days {
		for _, t := range d.Numb {
			numb = append(numb, stamp(t))
		}
		for _, u := range d.Unconfirmed {
			unconfirmed = append(unconfirmed, stamp(u.At)+" "+string(u.Kind))
		}
	}
	if len(numb) > 0 || len(unconfirmed) > 0 {
		b.WriteString("\n## Skin checks and put-on reminders\n\n")
		if len(numb) > 0 {
			fmt.Fprintf(&b, "Skin went numb: %s.\n", strings.Join(numb, ", "))
		}
		if len(unconfirmed) > 0 {
			fmt.Fprintf(&b, "Put-on reminders never confirmed (the phase ran as planned): %s.\n", strings.Join(unconfirmed, ", "))
		}
	}
	if len(s.Advice) > 0 {
		b.WriteString("\n## Advice icetimer gave\n\n")
		for _, g := range s.Advice {
			fmt.Fprintf(&b, "- %s: %s\n", stamp(g.At), words.AdviceLine(g.Rule))
		}
	}
	var notes []string
	for _, p := range s.Pain {
		if p.Note != "" {
			notes = append(notes, fmt.Sprintf("- %s, pain %d: %s\n", stamp(p.At), p.Score, p.Note))
		}
	}
	if len(notes) > 0 {
		b.WriteString("\n## Notes\n\n" + strings.Join(notes, ""))
	}
	b.WriteString("\n## Urgent signs\n\n" + words.RedFlags + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}
