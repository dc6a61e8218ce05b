package config

import (
	"fmt"

	"github.com/icetimer/icetimer/internal/schedule"
)

// violation is a safety rail a protocol breaks, and in which stage (0: the
// first cycle, 1: the one that follows it).
type violation struct {
	stage int
	msg   string
}

// railViolations is every rail p breaks (docs: PROTOCOLS.md section 7):
// each cycle's, as schedule.Cycle.CheckRails says for --cycle, and one that
// only a preset with a following stage can break: the first cycle's last
// phase and the next cycle's first being the same pack, which would stay on
// across the change.
func railViolations(p schedule.Protocol) []violation {
	var out []violation
	for s, st := range p.Stages {
		if err := st.Cycle.CheckRails(); err != nil {
			out = append(out, violation{s, err.Error()})
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
