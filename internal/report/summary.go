package report

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/advice"
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

// adviceReach bounds how much of history the advice reads, within
// advice.Lookback: some 1,000 courses of a few check-ins each (a hundred
// long ones), far more than weeks of real use, so that years of heavy use
// (or a hostile history) cost `status --json` tens of milliseconds, not
// seconds.
const adviceReach = 1 << 20

// Given is the advice the check-ins of history (the last advice.Lookback,
// at most adviceReach bytes of it, read from its end) and the saved course
// call for at now; what cannot be read is left out, as Read's warnings say.
func Given(s *store.Store, now time.Time) []advice.Given {
	h := readBack(s, now, time.Time{}).Advice
	if c, err := s.Load(); err == nil {
		h.Add(store.Record{Course: c}, now)
	}
	return h.Given(now)
}

// Earlier is what the timer screen reads of history when it starts.
type Earlier struct {
	// Today is the courses that ended today (or later), oldest first: the
	// count of today's applications adds the running course to them.
	Today []store.Record
	// Advice is what the advice reads of history (see Given), which a
	// check-in adds the running course to (advice.History.With).
	Advice advice.History
}

// ReadEarlier reads what the timer screen needs of history at now, in one
// pass from the end of the file: today's courses, however many, and the
// advice's reach. What cannot be read is left out.
func ReadEarlier(s *store.Store, now time.Time) Earlier {
	y, m, d := now.Date()
	return readBack(s, now, time.Date(y, m, d, 0, 0, 0, 0, now.Location()))
}

// readBack reads history from its end for the advice at now, and keeps
// the courses that ended at or after keepSince, unless it is zero.
func readBack(s *store.Store, now, keepSince time.Time) Earlier {
	var out Earlier
	from, read := now.Add(-advice.Lookback), 0
	_, _ = s.Walk(func(r store.Record, lineBytes int) bool {
		forAdvice := !r.EndedAt.Before(from) && read < adviceReach
		keep := !keepSince.IsZero() && !r.EndedAt.Before(keepSince)
		if forAdvice {
			read += lineBytes
			out.Advice.Add(r, now)
		}
		if keep {
			out.Today = append(out.Today, r)
		}
		return forAdvice || keep
	})
	slices.Reverse(out.Today)
	return out
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
		fmt.Fprintf(&b, "%d check-ins, from %d (%s) to %d (%s)", n, first.Score, stamp(first.At), last.Score, stamp(last.At))
		if s.Trend != NoTrend {
			fmt.Fprintf(&b, ": %s", s.Trend)
		}
		b.WriteString(".\n\n")
	}
	b.WriteString("## Day by day\n\n| Day | Ice | Heat | Removals acknowledged late | Pain |\n|---|---|---|---|---|\n")
	for _, f := range s.Days {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", f.Day.Format("Mon 02 Jan"), applications(f.Ice), applications(f.Heat), late(f, true), PainLine(f))
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
