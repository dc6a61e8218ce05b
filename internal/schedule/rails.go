package schedule

import (
	"fmt"
	"time"
)

// The safety rails of PROTOCOLS.md section 7: how long a pack may stay on in
// one application, extensions included. Clinical pages say 15-20 minutes of
// ice, never more than 20-30; heat pads low or medium, 15-30 minutes.
const (
	MaxIce  = 30 * time.Minute
	MaxHeat = 60 * time.Minute
)

// MaxApplication is the longest one phase of kind k may last, extensions
// included; 0 for kinds with no limit (rest).
func MaxApplication(k Kind) time.Duration {
	switch k {
	case Ice:
		return MaxIce
	case Heat:
		return MaxHeat
	}
	return 0
}

// CheckRails refuses a cycle that would keep a pack on too long: an ice or
// heat phase over its limit, or two phases of the same kind one after the
// other (the pack would stay on), the cycle's wrap-around included.
func (c Cycle) CheckRails() error {
	for i, ph := range c {
		if limit := MaxApplication(ph.Kind); ph.Duration > limit && limit > 0 {
			return fmt.Errorf("%s %s is too long: one %s application lasts at most %s", ph.Kind, FormatDuration(ph.Duration), ph.Kind, FormatDuration(limit))
		}
		next := c[(i+1)%len(c)]
		if ph.Kind.IsOn() && next.Kind == ph.Kind {
			return fmt.Errorf("%s follows %s with no rest between: put a rest phase after each %s phase", next.Kind, ph.Kind, ph.Kind)
		}
	}
	return nil
}
