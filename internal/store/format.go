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
	Events eventList   `json:"events"`
	// Pain is left out when empty, so a course with no check-ins is written
	// as before.
	Pain []painJSON `json:"pain,omitempty"`
	// SkinCheckSeconds is the course's skin check (0 or absent: none), and
	// ConfirmPutOn whether its put-on reminders ask "Is it on?" (absent:
	// a course saved before icetimer asked, which replays as it did).
	SkinCheckSeconds int64 `json:"skin_check_seconds,omitempty"`
	ConfirmPutOn     bool  `json:"confirm_put_on,omitempty"`
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

type painJSON struct {
	At    time.Time `json:"at"`
	Score int       `json:"score"`
	Note  string    `json:"note,omitempty"`
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
	out := courseJSON{Preset: c.Preset, Start: c.Start.Round(0), Stages: []stageJSON{}, Events: eventList{}}
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
	out.SkinCheckSeconds = secs("skin check", c.SkinCheck)
	out.ConfirmPutOn = c.ConfirmPutOn
	out.Quiet = quietJSON{
		Enabled:      c.Quiet.Enabled,
		StartSeconds: secs("quiet hours start", c.Quiet.Start),
		EndSeconds:   secs("quiet hours end", c.Quiet.End),
		Location:     zoneName(c.Quiet.Location),
	}
	for _, e := range c.Events {
		out.Events = append(out.Events, eventJSON{Type: e.Type, At: e.At.Round(0), AmountSeconds: secs(string(e.Type)+" amount", e.Amount)})
	}
	for _, p := range c.Pain {
		out.Pain = append(out.Pain, painJSON{At: p.At.Round(0), Score: p.Score, Note: p.Note})
	}
	if err := errors.Join(errs...); err != nil {
		return courseJSON{}, err
	}
	if err := c.Check(); err != nil {
		return out, err // out as written, for the tests that plant it
	}
	return out, validate(out)
}

func courseFromJSON(j courseJSON) (schedule.Course, error) {
	if err := validate(j); err != nil {
		return schedule.Course{}, err
	}
	c := schedule.Course{Preset: j.Preset, Start: j.Start, SkinCheck: time.Duration(j.SkinCheckSeconds) * time.Second, ConfirmPutOn: j.ConfirmPutOn}
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
	if len(j.Events) > 0 {
		c.Events = make([]schedule.Event, 0, len(j.Events))
	}
	for _, e := range j.Events {
		c.Events = append(c.Events, schedule.Event{Type: e.Type, At: e.At, Amount: time.Duration(e.AmountSeconds) * time.Second})
	}
	for _, p := range j.Pain {
		c.Pain = append(c.Pain, schedule.PainScore{At: p.At, Score: p.Score, Note: p.Note})
	}
	return c, c.Check()
}

// maxSeconds bounds every *_seconds field, so that converting it to a
// time.Duration cannot overflow into a value that looks valid; the engine's
// own bounds (schedule.Course.Check) are far tighter.
const maxSeconds = int64(100 * 365 * 24 * time.Hour / time.Second)

// validate checks that j converts to a course without overflow; the course
// itself is then checked by schedule.Course.Check.
func validate(j courseJSON) error {
	fields := []int64{j.Quiet.StartSeconds, j.Quiet.EndSeconds, j.SkinCheckSeconds}
	for _, st := range j.Stages {
		fields = append(fields, st.WindowSeconds)
		for _, p := range st.Phases {
			fields = append(fields, p.Seconds)
		}
	}
	for _, e := range j.Events {
		fields = append(fields, e.AmountSeconds)
	}
	for _, f := range fields {
		if f < -maxSeconds || f > maxSeconds {
			return fmt.Errorf("a duration of %d seconds is out of range", f)
		}
	}
	for i, p := range j.Pain {
		if p.At.IsZero() {
			return fmt.Errorf("pain check-in %d has no time", i+1)
		}
		if err := schedule.CheckPain(p.Score, p.Note); err != nil {
			return fmt.Errorf("pain check-in %d: %w", i+1, err)
		}
	}
	return nil
}
