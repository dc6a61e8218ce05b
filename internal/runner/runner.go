// Package runner drives a course's reminders without a screen: it sleeps
// until the next change, asks the engine what changed since the last instant
// it handled, and hands over one reminder per wake.
package runner

import (
	"context"
	"time"

	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/words"
)

// DefaultHeartbeat is the longest the loop sleeps without reading the wall
// clock. Timers run on the monotonic clock, which stops while a laptop
// sleeps; the heartbeat bounds how late a reminder comes after it wakes.
const DefaultHeartbeat = 5 * time.Second

// Clock is the wall clock and a way to wait on it. Tests pass one that
// jumps instead of waiting.
type Clock interface {
	Now() time.Time
	// After sends on the returned channel once d has passed.
	After(d time.Duration) <-chan time.Time
}

// WallClock is the clock now reads, waited on with time.After: the real
// one for time.Now, or a session's.
func WallClock(now func() time.Time) Clock { return wallClock(now) }

type wallClock func() time.Time

func (c wallClock) Now() time.Time { return c() }

func (wallClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Due is what a wake hands over: the reminder for every change since the
// previous one, and the instant everything before has been handled through.
type Due struct {
	Reminder words.Reminder
	// Handled is the instant to resume from: every transition before it has
	// been reminded of. Save it with the course, and pass it back as
	// Config.Handled to resume without repeating a reminder.
	Handled time.Time
}

// Config is one run of the loop.
type Config struct {
	Course schedule.Course
	// Handled is where reminders resume: transitions before it are not
	// repeated. Zero means the course's start, so the first phase is announced.
	Handled time.Time
	// Location is the time zone of the clock times in the words; nil is local.
	Location *time.Location
	// Heartbeat: zero means DefaultHeartbeat.
	Heartbeat time.Duration
	// Clock: nil means WallClock(time.Now).
	Clock Clock
	// OnDue receives each reminder, on the loop's goroutine: it must not block
	// (send notifications through a notify.Dispatcher).
	OnDue func(Due)
	// Repeat is how often a reminder that waits for the person is told
	// again (remind.Repeater); zero never.
	Repeat time.Duration
	// Requests receives what a person asked from elsewhere (another
	// terminal, the notification's button); Handle applies each to the
	// course (session.Handle: the engine's rule, then the save), and
	// OnChange hears of each one it changed, on the loop's goroutine.
	Requests <-chan session.Request
	Handle   func(session.Request, schedule.Course) (schedule.Course, error)
	OnChange func(session.Request, schedule.Course)
	// Own receives the driver's own requests (the plain screen's keys),
	// handled as Requests are; OnRefused hears why one of them was refused,
	// for the person right here (a refusal of a request from elsewhere
	// goes back to whoever asked).
	Own       <-chan session.Request
	OnRefused func(session.Request, error)
	// OnCountdown, when set, hears of each minute of the end of a phase
	// (remind.Countdown), and OnSkinCheck of each skin check once it has
	// come (State.SkinCheck), once, within a heartbeat: on the loop's
	// goroutine.
	OnCountdown func(schedule.State)
	OnSkinCheck func(schedule.State)
	// Steps says how far the wall clock stepped, up to the reading given,
	// since it was last asked (session.Stepped); the course is shifted by
	// it, so that its phases last the time lived, and OnShift saves and
	// tells it. Nil: never.
	Steps   func(wall time.Time) time.Duration
	OnShift func(time.Duration, schedule.Course)
}

// Run reminds of c's changes as they come, and repeats a reminder that
// waits for the person, until the course is done and nothing waits (nil) or
// ctx ends (ctx's error).
func Run(ctx context.Context, cfg Config) error {
	c := cfg.Course
	clock := cfg.Clock
	if clock == nil {
		clock = WallClock(time.Now)
	}
	heartbeat := cfg.Heartbeat
	if heartbeat <= 0 {
		heartbeat = DefaultHeartbeat
	}
	loc := cfg.Location
	if loc == nil {
		loc = time.Local
	}
	since := cfg.Handled
	if since.IsZero() {
		since = c.Start
	}
	announcer := remind.NewAnnouncer(since)
	repeater := remind.NewRepeater(cfg.Repeat, since)
	countdown := remind.NewCountdown(clock.Now())
	var skin remind.SkinCheck
	// tell announces the changes due at now and repeats what waits.
	tell := func(now time.Time) schedule.State {
		state := c.StateAt(now)
		if ts := announcer.Due(c, now); len(ts) > 0 {
			cfg.OnDue(Due{Reminder: words.For(c, ts, state, loc), Handled: announcer.Handled()})
			repeater.Told(now)
		}
		if t, n, ok := repeater.Due(c, now); ok {
			cfg.OnDue(Due{Reminder: words.Repeat(c, t, n, state, loc), Handled: announcer.Handled()})
		}
		if cfg.OnCountdown != nil && countdown.Due(state) {
			cfg.OnCountdown(state)
		}
		if cfg.OnSkinCheck != nil && skin.Due(state) {
			cfg.OnSkinCheck(state)
		}
		return state
	}
	// look reads the clock, and shifts the course and the rules by how far
	// the wall clock stepped up to that very reading: a step seen apart
	// from the reading would judge a stepped clock against a course not
	// yet moved, and a step back would have changes told again.
	look := func() time.Time {
		now := clock.Now().Round(0)
		if cfg.Steps == nil {
			return now
		}
		if d := cfg.Steps(now); d != 0 {
			c = c.Shifted(d)
			announcer.Shift(d)
			repeater.Shift(d)
			countdown.Shift(d)
			skin.Shift(d)
			if cfg.OnShift != nil {
				cfg.OnShift(d, c)
			}
		}
		return now
	}
	// handle applies a request, the changes due before it told first, so
	// that its own change (which the person made) is not told as news.
	handle := func(req session.Request, own bool) {
		tell(look())
		next, err := cfg.Handle(req, c)
		switch {
		case err == nil:
			c = next
			if cfg.OnChange != nil {
				cfg.OnChange(req, c)
			}
		case own && cfg.OnRefused != nil:
			cfg.OnRefused(req, err)
		}
	}
	for {
		now := look()
		state := tell(now)
		_, waiting := c.Waiting(now)
		if state.Done && !waiting {
			return nil
		}
		wait := heartbeat
		if end := state.Current.End; !end.IsZero() {
			wait = min(wait, max(end.Sub(now), 0))
		}
		if again, ok := repeater.Next(c, now); ok {
			wait = min(wait, max(again.Sub(now), 0))
		}
		if minute, ok := countdown.Next(state); ok && cfg.OnCountdown != nil {
			wait = min(wait, max(minute.Sub(now), 0))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-clock.After(wait):
		case req := <-cfg.Requests:
			handle(req, false)
		case req := <-cfg.Own:
			handle(req, true)
		}
	}
}
