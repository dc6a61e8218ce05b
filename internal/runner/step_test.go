package runner

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
)

// steppingClock is a wall clock the test moves while Run reads it, with a
// boot clock beside it that a step of the wall clock leaves alone. Its
// timers never fire: only requests wake the loop; waiting hears each time
// the loop is about to wait, having looked at the course.
type steppingClock struct {
	waiting  chan struct{}
	mu       sync.Mutex
	wall     time.Time
	boot     time.Duration
	lastWall time.Time
	lastBoot time.Duration
}

func (c *steppingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.wall
}

func (c *steppingClock) After(time.Duration) <-chan time.Time {
	c.waiting <- struct{}{}
	return make(chan time.Time)
}

// step moves the wall clock alone, by d.
func (c *steppingClock) step(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wall = c.wall.Add(d)
}

// live moves both clocks by d: time that passed.
func (c *steppingClock) live(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.wall, c.boot = c.wall.Add(d), c.boot+d
}

// steps tells how far the wall clock stepped up to the reading wall, as
// session.Stepped does: against the boot clock, since the last call.
func (c *steppingClock) steps(wall time.Time) time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := 0 * time.Second
	if !c.lastWall.IsZero() {
		d = wall.Sub(c.lastWall) - (c.boot - c.lastBoot)
	}
	c.lastWall, c.lastBoot = wall, c.boot
	return d
}

// A request that comes right after the wall clock stepped back an hour,
// before the loop has looked again, is handled on the course the step
// moved: the put-on told before the step is not told again (it was, an
// hour of the step too early, once the loop next looked).
func TestARequestRightAfterAClockStepRepeatsNothing(t *testing.T) {
	clock := &steppingClock{wall: start, waiting: make(chan struct{}, 1)}
	own := make(chan session.Request)
	handled := make(chan struct{})
	var told []string
	cfg := Config{
		Course: iceCourse(t, 0, "off"), Clock: clock, Location: time.UTC, Steps: clock.steps, Own: own,
		OnDue: func(d Due) { told = append(told, d.Reminder.Line) },
		Handle: func(_ session.Request, c schedule.Course) (schedule.Course, error) {
			return c, nil
		},
		OnChange: func(session.Request, schedule.Course) { handled <- struct{}{} },
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg) }()
	<-clock.waiting // the put-on is told
	clock.live(5 * time.Minute)
	clock.step(-time.Hour)
	own <- session.Request{Action: schedule.Action{Verb: schedule.VerbExtend}}
	<-handled
	<-clock.waiting // the loop has looked again since
	cancel()
	<-done
	if len(told) != 1 || !strings.Contains(told[0], "Put the ice pack on") {
		t.Fatalf("told %q, want the put-on once", told)
	}
}
