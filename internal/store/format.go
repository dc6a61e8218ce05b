package store

import (
	"errors"
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// formatVersion is the version of state.json and of history lines this
// program writes. Files with a higher version are refused, never rewritten.
const formatVersion = 1

// stateFile is state.json.
type stateFile struct {
	Version int        `json:"version"`
	Course  courseJSON `json:"course"`
}

// historyLine is one line of history.jsonl: a course that ended.
type historyLine struct {
	Version int        `json:"version"`
	EndedAt time.Time  `json:"ended_at"`
	Reason  Reason     `json:"reason"`
	Course  courseJSON `json:"course"`
}

type courseJSON struct {
	Preset string      `json:"preset"`
	Start  time.Time   `json:"start"`
	Stages []stageJSON `json:"stages"`
	Quiet  quietJSON   `json:"quiet"`
	Events []eventJSON `json:"events"`
}

type stageJSON struct {
	Phases []phaseJSON `json:"phases"`
	// WindowSeconds is 0 for a stage that runs until stopped.
	WindowSeconds int64 `json:"window_seconds"`
}

type phaseJSON struct {
	Kind    schedule.Kind `json:"kind"`
	Seconds int64         `json:"seconds"`
}

type quietJSON struct {
	Enabled      bool  `json:"enabled"`
	StartSeconds int64 `json:"start_seconds"`
	EndSeconds   int64 `json:"end_seconds"`
	// Location is the IANA zone name the clock times are read in; "" means
	// the machine's local zone.
	Location string `json:"location"`
}

type eventJSON struct {
	Type          schedule.EventType `json:"type"`
	At            time.Time          `json:"at"`
	AmountSeconds int64              `json:"amount_seconds,omitempty"`
}

// wholeSeconds is d in seconds, or an error when d has a fraction of a second
// (the format would lose it).
func wholeSeconds(what string, d time.Duration) (int64, error) {
	if d%time.Second != 0 {
		return 0, fmt.Errorf("%s %v is not whole seconds", what, d)
	}
	return int64(d / time.Second), nil
}

func courseToJSON(c schedule.Course) (courseJSON, error) {
	out := courseJSON{Preset: c.Preset, Start: c.Start.Round(0), Stages: []stageJSON{}, Events: []eventJSON{}}
	var errs []error
	secs := func(what string, d time.Duration) int64 {
		s, err := wholeSeconds(what, d)
		errs = append(errs, err)
		return s
	}
	for i, st := range c.Protocol.Stages {
		sj := stageJSON{WindowSeconds: secs(fmt.Sprintf("stage %d window", i+1), st.Window)}
		for _, p := range st.Cycle {
			sj.Phases = append(sj.Phases, phaseJSON{Kind: p.Kind, Seconds: secs(string(p.Kind)+" phase", p.Duration)})
		}
		out.Stages = append(out.Stages, sj)
	}
	out.Quiet = quietJSON{
		Enabled:      c.Quiet.Enabled,
		StartSeconds: secs("quiet hours start", c.Quiet.Start),
		EndSeconds:   secs("quiet hours end", c.Quiet.End),
		Location:     zoneName(c.Quiet.Location),
	}
	for _, e := range c.Events {
		out.Events = append(out.Events, eventJSON{Type: e.Type, At: e.At.Round(0), AmountSeconds: secs(string(e.Type)+" amount", e.Amount)})
	}
	if err := errors.Join(errs...); err != nil {
		return courseJSON{}, err
	}
	return out, validate(out)
}

func courseFromJSON(j courseJSON) (schedule.Course, error) {
	if err := validate(j); err != nil {
		return schedule.Course{}, err
	}
	c := schedule.Course{Preset: j.Preset, Start: j.Start}
	for _, sj := range j.Stages {
		st := schedule.Stage{Window: time.Duration(sj.WindowSeconds) * time.Second}
		for _, p := range sj.Phases {
			st.Cycle = append(st.Cycle, schedule.Phase{Kind: p.Kind, Duration: time.Duration(p.Seconds) * time.Second})
		}
		c.Protocol.Stages = append(c.Protocol.Stages, st)
	}
	c.Quiet = schedule.QuietHours{
		Enabled:  j.Quiet.Enabled,
		Start:    time.Duration(j.Quiet.StartSeconds) * time.Second,
		End:      time.Duration(j.Quiet.EndSeconds) * time.Second,
		Location: loadZone(j.Quiet.Location),
	}
	for _, e := range j.Events {
		c.Events = append(c.Events, schedule.Event{Type: e.Type, At: e.At, Amount: time.Duration(e.AmountSeconds) * time.Second})
	}
	return c, nil
}

// Limits that keep a hand-edited or damaged file from making the engine loop
// for ever (a zero-length cycle never advances) or overflow.
const (
	maxStages        = 16
	maxPhaseSeconds  = int64(schedule.MaxPhaseDuration / time.Second)
	maxWindowSeconds = int64(10 * 365 * 24 * time.Hour / time.Second)
	maxAmountSeconds = int64(7 * 24 * time.Hour / time.Second)
	daySeconds       = int64(24 * time.Hour / time.Second)
)

// validate checks that a course is one the engine can run.
func validate(j courseJSON) error {
	switch {
	case j.Preset == "":
		return errors.New("course has no preset id")
	case j.Start.IsZero():
		return errors.New("course has no start")
	case len(j.Stages) == 0 || len(j.Stages) > maxStages:
		return fmt.Errorf("course has %d stages, want 1 to %d", len(j.Stages), maxStages)
	}
	for i, st := range j.Stages {
		if len(st.Phases) == 0 || len(st.Phases) > schedule.MaxPhases {
			return fmt.Errorf("stage %d has %d phases, want 1 to %d", i+1, len(st.Phases), schedule.MaxPhases)
		}
		if st.WindowSeconds < 0 || st.WindowSeconds > maxWindowSeconds {
			return fmt.Errorf("stage %d window %ds is out of range", i+1, st.WindowSeconds)
		}
		for _, p := range st.Phases {
			if p.Kind != schedule.Ice && p.Kind != schedule.Heat && p.Kind != schedule.Rest {
				return fmt.Errorf("stage %d has a phase of kind %q, want ice, heat or rest", i+1, p.Kind)
			}
			if p.Seconds < 1 || p.Seconds > maxPhaseSeconds {
				return fmt.Errorf("stage %d has a %s phase of %ds, want 1 to %d", i+1, p.Kind, p.Seconds, maxPhaseSeconds)
			}
		}
	}
	q := j.Quiet
	if q.StartSeconds < 0 || q.StartSeconds >= daySeconds || q.EndSeconds < 0 || q.EndSeconds >= daySeconds {
		return errors.New("quiet hours are not clock times within a day")
	}
	if q.Enabled && q.StartSeconds == q.EndSeconds {
		return errors.New("quiet hours start and end at the same time")
	}
	for i, e := range j.Events {
		switch e.Type {
		case schedule.Pause, schedule.Resume, schedule.Skip, schedule.Extend, schedule.Restart, schedule.Stop, schedule.Ack:
		default:
			return fmt.Errorf("event %d has unknown type %q", i+1, e.Type)
		}
		if e.At.IsZero() {
			return fmt.Errorf("event %d has no time", i+1)
		}
		if e.AmountSeconds < -maxAmountSeconds || e.AmountSeconds > maxAmountSeconds {
			return fmt.Errorf("event %d amount %ds is out of range", i+1, e.AmountSeconds)
		}
	}
	return nil
}
