package schedule

import (
	"errors"
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"
)

// Bounds on a course the engine accepts (see Course.Check). They are far
// beyond any real course and keep every answer about one fast: the engine's
// work grows with the events, the nights and the stages between a course's
// start and the instant asked about, never with the phases (see skipCycles).
const (
	MaxStages   = 16
	MaxWindow   = 10 * 365 * 24 * time.Hour
	MaxExtend   = 7 * 24 * time.Hour
	MaxEvents   = 100_000
	MaxPresetID = 64
	// MaxCourseSpan is how long after its start a course may record an event:
	// a course that runs until stopped, forgotten for years, still answers.
	MaxCourseSpan = 20 * 365 * 24 * time.Hour
)

// EarliestStart and LatestStart bound a course's start: a start from a
// clock that read year 1, or year 9999, is a damaged file, not a course.
var (
	EarliestStart = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	LatestStart   = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

// Check says what is wrong with c, if anything, for a course read from a
// file or made by hand: the engine answers fast and finishes for every
// course Check accepts. Every error names the field and what is accepted.
func (c Course) Check() error {
	if err := checkPreset(c.Preset); err != nil {
		return err
	}
	if c.Start.Before(EarliestStart) || !c.Start.Before(LatestStart) {
		return fmt.Errorf("course starts at %s: want a start from %d to %d", c.Start.UTC().Format(time.RFC3339), EarliestStart.Year(), LatestStart.Year()-1)
	}
	if err := c.Protocol.check(); err != nil {
		return err
	}
	if err := c.Quiet.check(); err != nil {
		return err
	}
	if c.SkinCheck < 0 || c.SkinCheck > MaxSkinCheck {
		return fmt.Errorf("course skin check at %v: want 0 (none) to %v", c.SkinCheck, MaxSkinCheck)
	}
	return c.checkEvents()
}

// checkPreset refuses a preset id that a terminal could not show as it is:
// one read from a file might carry escape sequences.
func checkPreset(id string) error {
	if id == "" || len(id) > MaxPresetID || !utf8.ValidString(id) {
		return fmt.Errorf("course preset id must be 1 to %d bytes of UTF-8 text", MaxPresetID)
	}
	for _, r := range id {
		if !unicode.IsPrint(r) {
			return fmt.Errorf("course preset id %q has a control character: want letters, digits and dashes", id)
		}
	}
	return nil
}

func (p Protocol) check() error {
	if len(p.Stages) == 0 || len(p.Stages) > MaxStages {
		return fmt.Errorf("course has %d stages, want 1 to %d", len(p.Stages), MaxStages)
	}
	for i, st := range p.Stages {
		if len(st.Cycle) == 0 || len(st.Cycle) > MaxPhases {
			return fmt.Errorf("stage %d has %d phases, want 1 to %d", i+1, len(st.Cycle), MaxPhases)
		}
		if st.Window < 0 || st.Window > MaxWindow {
			return fmt.Errorf("stage %d window %v is out of range: want 0 (until stopped) to %v", i+1, st.Window, MaxWindow)
		}
		for _, ph := range st.Cycle {
			if !ph.Kind.IsOn() && ph.Kind != Rest {
				return fmt.Errorf("stage %d has a phase of kind %q, want ice, heat or rest", i+1, ph.Kind)
			}
			if ph.Duration < MinPhaseDuration || ph.Duration > MaxPhaseDuration {
				return fmt.Errorf("stage %d has a %s phase of %v, want %v to %v", i+1, ph.Kind, ph.Duration, MinPhaseDuration, MaxPhaseDuration)
			}
		}
	}
	return nil
}

func (q QuietHours) check() error {
	day := 24 * time.Hour
	if q.Start < 0 || q.Start >= day || q.End < 0 || q.End >= day {
		return errors.New("quiet hours are not clock times within a day")
	}
	if q.Enabled && q.Start == q.End {
		return errors.New("quiet hours start and end at the same time")
	}
	return nil
}

func (c Course) checkEvents() error {
	if len(c.Events) > MaxEvents {
		return fmt.Errorf("course has %d events, want at most %d", len(c.Events), MaxEvents)
	}
	latest := c.Start.Add(MaxCourseSpan)
	for i, e := range c.Events {
		switch e.Type {
		case Pause, Resume, Skip, Extend, Restart, Stop, Ack, NextStage, Confirm, SkinOK, Numb:
		default:
			return fmt.Errorf("event %d has unknown type %q", i+1, e.Type)
		}
		if e.At.IsZero() {
			return fmt.Errorf("event %d has no time", i+1)
		}
		// An event before the start is read as at the start (a clock that
		// stepped back); one years after it is a damaged file.
		if e.At.After(latest) {
			return fmt.Errorf("event %d at %s is more than %d years after the course's start", i+1, e.At.UTC().Format(time.RFC3339), MaxCourseSpan/(365*24*time.Hour))
		}
		// A negative Extend shortens the phase (the - key).
		if e.Amount < -MaxExtend || e.Amount > MaxExtend {
			return fmt.Errorf("event %d amount %v is out of range: want %v to %v", i+1, e.Amount, -MaxExtend, MaxExtend)
		}
	}
	return nil
}
