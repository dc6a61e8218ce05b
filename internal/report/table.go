package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/icetimer/icetimer/internal/words"
)

// WriteHistory writes `icetimer history`'s table: per day the
// applications, the courses, late removals, how often the skin went numb
// and the pain check-ins with their trend; under it section 9's heat line
// when a day ends HeatDays days in a row with heat.
func WriteHistory(w io.Writer, figures []Day) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DAY\tICE\tHEAT\tSTARTED\tENDED\tLATE\tNUMB\tPAIN")
	for _, f := range figures {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", f.Day.Format("Mon 02 Jan"),
			applications(f.Ice), applications(f.Heat), f.Started, f.Finished, late(f, false), orDash(len(f.Numb)), PainLine(f))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if (Summary{Days: figures}).HeatTwoWeeks() {
		_, err := fmt.Fprintln(w, words.HeatTwoWeeks)
		return err
	}
	return nil
}

// applications writes a count and its total time: "3 times, 1 h 00 min in
// all".
func applications(a Applications) string { return words.Applications(a.Count, a.Time) }

// orDash is n, or "-" for none.
func orDash(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

// late is "1 of 4": the removals acknowledged late among the day's, with
// by how much each when by is set ("1 of 4 (5 min)"), and how many went
// unanswered; "-" for a day with none.
func late(f Day, by bool) string {
	if f.Removals == 0 {
		return "-"
	}
	s := fmt.Sprintf("%d of %d", len(f.Late), f.Removals)
	if by && len(f.Late) > 0 {
		s += " (" + lateBy(f) + ")"
	}
	if f.Unanswered > 0 {
		s += fmt.Sprintf(", %d unanswered", f.Unanswered)
	}
	return s
}

// lateBy is the day's late removals with by how much each: "5 min, 12
// min"; "" for none.
func lateBy(d Day) string {
	spans := make([]string, len(d.Late))
	for i, r := range d.Late {
		spans[i] = words.Span(r.Answered.Sub(r.At))
	}
	return strings.Join(spans, ", ")
}

// PainLine is a day's scores in order with their trend: "7 6 4 (easing)";
// "-" for a day with no check-in.
func PainLine(f Day) string {
	if len(f.Pain) == 0 {
		return "-"
	}
	scores := make([]string, len(f.Pain))
	for i, p := range f.Pain {
		scores[i] = strconv.Itoa(p.Score)
	}
	line := strings.Join(scores, " ")
	if t := TrendOf(f.Pain); t != NoTrend {
		line += " (" + string(t) + ")"
	}
	return line
}
