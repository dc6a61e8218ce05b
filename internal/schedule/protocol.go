package schedule

import "time"

// Kind is what the person does during a phase, or the state the course is in.
type Kind string

// The kinds of phase. Ice, Heat and Rest come from a cycle; Quiet and Done are
// made by the engine (quiet hours, and the course being over).
const (
	Ice   Kind = "ice"
	Heat  Kind = "heat"
	Rest  Kind = "rest"
	Quiet Kind = "quiet"
	Done  Kind = "done"
)

// IsOn reports whether a pack is on the body during a phase of this kind.
func (k Kind) IsOn() bool { return k == Ice || k == Heat }

// Phase is one step of a cycle: a kind held for a duration.
type Phase struct {
	Kind     Kind
	Duration time.Duration
}

// Cycle is the list of phases a stage repeats.
type Cycle []Phase

// firstOn is the index of the cycle's first ice or heat phase: where a fresh
// cycle starts after quiet hours, so the morning begins with the pack going on.
func (c Cycle) firstOn() int {
	for i, p := range c {
		if p.Kind.IsOn() {
			return i
		}
	}
	return 0
}

// Stage is a cycle repeated for a window of calendar time.
type Stage struct {
	Cycle Cycle
	// Window is how long the stage repeats, counted in calendar time from the
	// stage's start (nights and pauses count). The stage ends at the first cycle
	// boundary at or after it. Zero means the stage runs until stopped.
	Window time.Duration
}

// UntilStopped reports whether the stage repeats until the course is stopped.
func (s Stage) UntilStopped() bool { return s.Window <= 0 }

// Protocol is the stages a course goes through, in order. The course is over
// when the last stage's window ends.
type Protocol struct {
	Stages []Stage
}
