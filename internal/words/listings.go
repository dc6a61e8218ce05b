package words

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// The listings the commands print for a person: the preset catalogue, a
// plan and the history table.

// Presets writes the catalogue: each preset's cycle, window, what follows,
// and where it comes from (each article by its title and publisher, never
// its file's name: PROTOCOLS.md section 0); the person's own are marked
// "(yours)".
func Presets(w io.Writer, presets []schedule.Preset) {
	for i, p := range presets {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s  %s%s\n", p.ID, p.Name, map[bool]string{true: "  (yours)"}[p.Own])
		fmt.Fprintf(w, "  %s\n", p.Description)
		fmt.Fprintf(w, "  cycle:  %s\n", schedule.FormatCycle(p.Protocol.Stages[0].Cycle))
		fmt.Fprintf(w, "  window: %s\n", window(p))
		if len(p.Protocol.Stages) > 1 {
			fmt.Fprintf(w, "  then:   %s, until stopped\n", schedule.FormatCycle(p.Protocol.Stages[1].Cycle))
		}
		sources := make([]string, len(p.Sources))
		for i, ref := range p.Sources {
			sources[i] = Source(ref)
		}
		fmt.Fprintf(w, "  source: %s\n", strings.Join(sources, "; "))
		if p.Interpretation != "" {
			fmt.Fprintf(w, "  note:   %s\n", p.Interpretation)
		}
	}
}

// window is how long a preset's first stage lasts, and what --window
// accepts for it.
func window(p schedule.Preset) string {
	first := p.Protocol.Stages[0]
	if first.UntilStopped() {
		return "until stopped"
	}
	s := schedule.FormatDuration(first.Window)
	if p.WindowMin != p.WindowMax {
		s += fmt.Sprintf(" (--window %s to %s)", schedule.FormatDuration(p.WindowMin), schedule.FormatDuration(p.WindowMax))
	}
	return s
}

// Plan writes course c's segments segs, one line each, clock times in loc.
func Plan(w io.Writer, c schedule.Course, loc *time.Location, segs []schedule.Segment) {
	fmt.Fprintf(w, "%s from %s, quiet hours %s\n", c.Preset, c.Start.In(loc).Format("Mon 2 Jan 2006 ")+Clock(c.Start.In(loc))+c.Start.In(loc).Format(" MST"), c.Quiet)
	for _, s := range segs {
		start := s.Start.In(loc)
		line := fmt.Sprintf("%s  %-5s", start.Format("Mon 02 Jan ")+Stamp(start), strings.ToUpper(string(s.Kind)))
		if s.Kind != schedule.Done {
			line += fmt.Sprintf("  %-7s  stage %d", schedule.FormatDuration(s.Length().Round(time.Second)), s.Stage+1)
		}
		fmt.Fprintln(w, line)
	}
}
