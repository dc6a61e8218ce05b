package config

import (
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// The safety rails an own preset must keep (docs: PROTOCOLS.md section 7):
// clinical pages say 15-20 minutes of cold, never more than 20-30; heat
// pads 15-30 minutes on low or medium, and never slept on.
const (
	MaxIce  = 30 * time.Minute
	MaxHeat = 60 * time.Minute
)

// violation is a rail a protocol breaks, and in which stage (0: the first
// cycle, 1: the one that follows it).
type violation struct {
	stage int
	msg   string
}

// railViolations is every rail p breaks: an ice phase over MaxIce, a heat
// phase over MaxHeat, and two ice or two heat phases back to back, which
// would keep the pack on. A cycle repeats, so its last phase is followed by
// its first; and the first cycle's last phase by the next cycle's first.
func railViolations(p schedule.Protocol) []violation {
	var out []violation
	limit := map[schedule.Kind]time.Duration{schedule.Ice: MaxIce, schedule.Heat: MaxHeat}
	why := map[schedule.Kind]string{
		schedule.Ice:  "cold on the skin for longer can burn",
		schedule.Heat: "heat pads are for 15-30 min, never slept on",
	}
	for s, st := range p.Stages {
		c := st.Cycle
		for i, ph := range c {
			if most, ok := limit[ph.Kind]; ok && ph.Duration > most {
				out = append(out, violation{s, fmt.Sprintf("phase %d %q: %s lasts at most %s at a time (safety rail: %s); shorten it",
					i+1, string(ph.Kind)+" "+schedule.FormatDuration(ph.Duration), ph.Kind, schedule.FormatDuration(most), why[ph.Kind])})
			}
			if next := c[(i+1)%len(c)]; ph.Kind.IsOn() && next.Kind == ph.Kind {
				out = append(out, violation{s, backToBack(c, i)})
			}
		}
	}
	if len(p.Stages) > 1 {
		a, b := p.Stages[0].Cycle, p.Stages[1].Cycle
		if last, first := a[len(a)-1], b[0]; last.Kind.IsOn() && last.Kind == first.Kind {
			out = append(out, violation{1, fmt.Sprintf("cycle ends with %s and then starts with %s, so the pack would stay on across the change: start then with a rest or end cycle with one", last.Kind, first.Kind)})
		}
	}
	return out
}

// backToBack says that phase i of c and the one after it are the same kind
// of pack.
func backToBack(c schedule.Cycle, i int) string {
	const fix = "the pack would stay on; put a rest between them"
	k := c[i].Kind
	switch {
	case len(c) == 1:
		return fmt.Sprintf(`the only phase is %s, so it follows itself as the cycle repeats: the pack would stay on; add a rest, such as "%s 15m, rest 45m"`, k, k)
	case i == len(c)-1:
		return fmt.Sprintf("the last phase and the first are both %s, back to back as the cycle repeats: %s", k, fix)
	}
	return fmt.Sprintf("phases %d and %d are both %s, back to back: %s", i+1, i+2, k, fix)
}
