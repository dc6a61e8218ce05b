package session

import (
	"sync"
	"time"
)

// StepAtLeast is the smallest difference between the wall clock and the
// clock that runs through a suspend that counts as the wall clock stepping:
// readings taken together differ by microseconds, and NTP slews smaller
// offsets gradually.
const StepAtLeast = 2 * time.Second

// steps tells a step of the wall clock (an NTP correction, a person setting
// the clock) from time lived (a laptop asleep): between two readings, the
// wall clock and the boot clock, which runs on while the machine sleeps,
// move alike unless the wall clock stepped.
type steps struct {
	mu   sync.Mutex
	wall time.Time
	boot time.Duration
	read bool
}

// Stepped is how far the wall clock stepped, against the boot clock, from
// the reading of the last call to wall, a reading of s.Now just taken (0
// for none, or where the system has no boot clock: then a step is told by
// the resume rules alone, see remind.StepSlack). The driver shifts the
// course it drives by it (schedule.Course.Shifted), so that a step back
// never lengthens the running phase and a step forward never shortens it;
// a real sleep keeps its catch-up. The driver passes the reading it acts
// on: a step judged on a reading of its own could fall between the two.
func (s *Session) Stepped(wall time.Time) time.Duration {
	boot, ok := s.boot()
	if !ok {
		return 0
	}
	wall = wall.Round(0)
	s.steps.mu.Lock()
	defer s.steps.mu.Unlock()
	prevWall, prevBoot, read := s.steps.wall, s.steps.boot, s.steps.read
	s.steps.wall, s.steps.boot, s.steps.read = wall, boot, true
	if !read {
		return 0
	}
	d := wall.Sub(prevWall) - (boot - prevBoot)
	if d > -StepAtLeast && d < StepAtLeast {
		return 0
	}
	return d.Round(time.Second)
}
