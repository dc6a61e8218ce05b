package runner

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
)

// fakeClock computes instead of waiting: After moves the wall clock on by
// the wait at once. The first wait that begins at or after jumpAt also moves
// it by jump: a laptop that slept (the monotonic timer ran d, the wall clock
// d plus the nap), or a clock stepped back.
type fakeClock struct {
	now    time.Time
	waits  []time.Duration
	jumpAt time.Time
	jump   time.Duration
	never  bool // After never fires
	// spun, when set, is called at a wait of 0 right after another: a
	// loop that wakes for nothing, over and over, at one instant.
	spun func()
}

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	if c.never {
		return ch
	}
	if c.jump != 0 && !c.now.Before(c.jumpAt) {
		c.now = c.now.Add(c.jump)
		c.jump = 0
	}
	if d == 0 && len(c.waits) > 0 && c.waits[len(c.waits)-1] == 0 && c.spun != nil {
		c.spun()
	}
	c.now = c.now.Add(d)
	c.waits = append(c.waits, d)
	ch <- c.now
	return ch
}

var start = time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)

func iceCourse(t *testing.T, window time.Duration, quiet string) schedule.Course {
	t.Helper()
	q, err := schedule.ParseQuietHours(quiet, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return schedule.Course{
		Preset: "custom",
		Protocol: schedule.Protocol{Stages: []schedule.Stage{{
			Cycle:  schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
			Window: window,
		}}},
		Start: start,
		Quiet: q,
	}
}

// run runs the loop to the end on clock and returns what it handed over,
// each with the clock's time at the hand-over.
func run(t *testing.T, cfg Config, clock *fakeClock) (dues []Due, at []time.Time) {
	t.Helper()
	cfg.Clock = clock
	cfg.Location = time.UTC
	cfg.OnDue = func(d Due) {
		dues = append(dues, d)
		at = append(at, clock.Now())
	}
	if err := Run(context.Background(), cfg); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return dues, at
}

func TestEveryChangeOnTimeOverThreeDays(t *testing.T) {
	c := iceCourse(t, 72*time.Hour, "23:00-07:00")
	clock := &fakeClock{now: start}
	dues, at := run(t, Config{Course: c, Heartbeat: time.Minute}, clock)

	want := c.Transitions(start, start.Add(100*time.Hour))
	if len(dues) != len(want) {
		t.Fatalf("%d reminders, want one per transition: %d", len(dues), len(want))
	}
	for i, d := range dues {
		if !d.Reminder.At.Equal(want[i].At) || !at[i].Equal(want[i].At) || d.Reminder.Missed != 0 {
			t.Fatalf("reminder %d: for %v, handed over at %v, missed %d; want %v, on time, none missed",
				i, d.Reminder.At, at[i], d.Reminder.Missed, want[i].At)
		}
		if !d.Handled.After(want[i].At) {
			t.Errorf("reminder %d: Handled %v does not cover its change at %v", i, d.Handled, want[i].At)
		}
	}
	if last := want[len(want)-1]; last.To.Kind != schedule.Done {
		t.Fatalf("the course should end; last transition %+v", last)
	}
	for i, w := range clock.waits {
		if w > time.Minute || w <= 0 {
			t.Fatalf("wait %d is %v: want above 0 and at most the heartbeat", i, w)
		}
	}
	// Sleeping until the next change, with a heartbeat a minute: far fewer
	// wakes than one a second.
	if maxWakes := 72*60 + len(want); len(clock.waits) > maxWakes {
		t.Errorf("%d wakes in 72 h, want at most %d", len(clock.waits), maxWakes)
	}
}

func TestLaptopSleepGivesOneCatchUpAtTheNextWake(t *testing.T) {
	c := iceCourse(t, 4*time.Hour, "off")
	// Just after the 08:20 reminder the laptop sleeps 45 minutes, through
	// 08:40 (ice on) and 09:00 (ice off).
	clock := &fakeClock{now: start, jumpAt: start.Add(20 * time.Minute), jump: 45 * time.Minute}
	dues, at := run(t, Config{Course: c}, clock)

	if len(dues) < 3 {
		t.Fatalf("%d reminders, want at least 3", len(dues))
	}
	catchUp := dues[2]
	if catchUp.Reminder.Missed != 2 || catchUp.Reminder.Title != "Remove the ice pack" || !catchUp.Reminder.Urgent {
		t.Errorf("after the sleep: %+v; want one urgent reminder to remove the pack, 2 changes missed", catchUp.Reminder)
	}
	if want := start.Add(20*time.Minute + 45*time.Minute + DefaultHeartbeat); !at[2].Equal(want) {
		t.Errorf("catch-up at %v, want the first wake after the sleep, %v", at[2], want)
	}
	for i, d := range dues[3:] {
		if d.Reminder.Missed != 0 {
			t.Errorf("reminder %d after the catch-up: missed %d, want back on time", i+3, d.Reminder.Missed)
		}
	}
}

func TestResumesFromHandledWithoutRepeating(t *testing.T) {
	c := iceCourse(t, 2*time.Hour, "off")
	handled := start.Add(30 * time.Minute) // 08:00 and 08:20 were reminded of
	clock := &fakeClock{now: start.Add(50 * time.Minute)}
	dues, _ := run(t, Config{Course: c, Handled: handled}, clock)
	if first := dues[0].Reminder; first.Missed != 1 || !first.At.Equal(start.Add(40*time.Minute)) {
		t.Errorf("first reminder after resuming: %+v; want the 08:40 change, late (missed 1)", first)
	}
	for _, d := range dues {
		if d.Reminder.At.Before(handled) {
			t.Errorf("repeated the reminder for %v, before Handled %v", d.Reminder.At, handled)
		}
	}
}

// A correction of the clock within remind.StepSlack (a larger step back is
// remind.Announcer's to test).
func TestClockSteppingBackALittleRepeatsNothing(t *testing.T) {
	c := iceCourse(t, 2*time.Hour, "off")
	clock := &fakeClock{now: start, jumpAt: start.Add(40*time.Minute + 10*time.Second), jump: -40 * time.Second}
	dues, _ := run(t, Config{Course: c}, clock)
	seen := map[time.Time]bool{}
	for _, d := range dues {
		if seen[d.Reminder.At] {
			t.Errorf("reminded twice of %v", d.Reminder.At)
		}
		seen[d.Reminder.At] = true
	}
	if n := len(c.Transitions(start, start.Add(3*time.Hour))); len(seen) != n {
		t.Errorf("%d changes reminded of, want %d", len(seen), n)
	}
}

func TestCancelStops(t *testing.T) {
	c := iceCourse(t, 0, "off")
	ctx, cancel := context.WithCancel(context.Background())
	var got int
	errc := make(chan error, 1)
	go func() {
		errc <- Run(ctx, Config{Course: c, Clock: &fakeClock{now: start, never: true}, OnDue: func(Due) { got++ }})
	}()
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run returned %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if got != 1 {
		t.Errorf("%d reminders before the cancel, want the start's", got)
	}
}

// A remove reminder nobody acknowledges is told again every Repeat until
// the next change (issue 9).
func TestUnacknowledgedRemindersRepeat(t *testing.T) {
	c := iceCourse(t, time.Hour, "off") // off at 08:20 and 09:00, done at 09:20
	clock := &fakeClock{now: start}
	dues, at := run(t, Config{Course: c, Repeat: 2 * time.Minute}, clock)
	repeats := map[int]int{} // per hour minute of the change
	for i, d := range dues {
		if d.Reminder.Repeat > 0 {
			repeats[d.Reminder.At.Minute()]++
			if at[i].Sub(d.Reminder.At) < 2*time.Minute {
				t.Fatalf("a repeat %v after its change", at[i].Sub(d.Reminder.At))
			}
		}
	}
	// Every 2 min until the next change, within the 5 s heartbeat.
	if repeats[20] != 9 || repeats[0] != 9 {
		t.Fatalf("repeats per change %v, want 9 after 08:20 and 9 after 09:00", repeats)
	}
}

// The loop sleeps until the next thing to tell, never for nothing: a
// put-on that asks "Is it on?" and is never answered, past its repeats
// and between them, with any --repeat, kept it waking at once over and
// over (a core spent until the phase ended).
func TestTheLoopNeverSpins(t *testing.T) {
	for _, every := range []time.Duration{10 * time.Second, 2 * time.Minute, 0} {
		c := iceCourse(t, time.Hour, "off")
		c.ConfirmPutOn = true
		paused := c
		paused.Events = []schedule.Event{{Type: schedule.Pause, At: start.Add(25 * time.Minute)}, {Type: schedule.Resume, At: start.Add(50 * time.Minute)}}
		for _, c := range []schedule.Course{c, paused} {
			loopOver(t, c, every)
		}
	}
}

// loopOver runs the loop over c with repeat every, failing at a spin.
func loopOver(t *testing.T, c schedule.Course, every time.Duration) {
	t.Helper()
	clock := &fakeClock{now: start}
	clock.spun = func() { t.Fatalf("repeat %v: the loop woke at once twice in a row at %v", every, clock.now) }
	run(t, Config{Course: c, Repeat: every}, clock)
	if most := int(2*time.Hour/DefaultHeartbeat) + 10; len(clock.waits) > most {
		t.Errorf("repeat %v: %d wakes in 2 h, want at most %d", every, len(clock.waits), most)
	}
}

// With OnCountdown, the loop wakes at each minute of the last five of a
// phase and tells it, on time.
func TestCountdownMinutesOnTime(t *testing.T) {
	c := iceCourse(t, 40*time.Minute, "off")
	clock := &fakeClock{now: start}
	var at []string
	cfg := Config{Course: c, Heartbeat: time.Hour, OnCountdown: func(st schedule.State) {
		if !st.Now.Equal(clock.Now()) {
			t.Errorf("told the state at %v at %v", st.Now, clock.Now())
		}
		at = append(at, clock.Now().Format("15:04:05"))
	}}
	run(t, cfg, clock)
	want := []string{"08:15:00", "08:16:00", "08:17:00", "08:18:00", "08:19:00", "08:35:00", "08:36:00", "08:37:00", "08:38:00", "08:39:00"}
	if !slices.Equal(at, want) {
		t.Errorf("countdown at %v, want %v", at, want)
	}
}

// The driver's own requests are handled as requests from elsewhere are,
// but a refusal of one is told to OnRefused; a refusal of a request from
// elsewhere goes back to its asker only.
func TestOwnRequests(t *testing.T) {
	c := iceCourse(t, 0, "off")
	own, other := make(chan session.Request, 1), make(chan session.Request, 1)
	refuse := errors.New("nothing waits")
	var refused, changed []string
	ctx, cancel := context.WithCancel(context.Background())
	cfg := Config{
		Course: c, Clock: &fakeClock{now: start, never: true}, OnDue: func(Due) {},
		Requests: other, Own: own,
		Handle: func(r session.Request, c schedule.Course) (schedule.Course, error) {
			if r.Action.Verb == schedule.VerbAck {
				return c, refuse
			}
			return c.Do(r.Action, start.Add(time.Minute))
		},
		OnChange:  func(r session.Request, _ schedule.Course) { changed = append(changed, string(r.Action.Verb)) },
		OnRefused: func(r session.Request, err error) { refused = append(refused, string(r.Action.Verb)+": "+err.Error()) },
	}
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg) }()
	for _, step := range []struct {
		to  chan session.Request
		req session.Request
	}{
		{other, session.Request{Action: schedule.Action{Verb: schedule.VerbAck}, From: "another terminal"}},
		{own, session.Request{Action: schedule.Action{Verb: schedule.VerbAck}}},
		{own, session.Request{Action: schedule.Action{Verb: schedule.VerbSkip}}},
	} {
		step.to <- step.req
		for len(step.to) > 0 {
			time.Sleep(time.Millisecond)
		}
	}
	// The skip was taken; one more own ack, which the loop takes only once
	// done with the skip, and handles before it can see the cancel.
	own <- session.Request{Action: schedule.Action{Verb: schedule.VerbAck}}
	for len(own) > 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	<-done
	if want := []string{"ack: nothing waits", "ack: nothing waits"}; !slices.Equal(refused, want) {
		t.Errorf("refusals told %q, want %q (the two own acks, not the other terminal's)", refused, want)
	}
	if want := []string{"skip"}; !slices.Equal(changed, want) {
		t.Errorf("changes %q, want %q", changed, want)
	}
}

// A skin check is told once, also when the wall clock steps back while it
// waits: the course moves with the clock, and so does the check told (it
// was asked again, a second bell for the same check).
func TestASkinCheckIsToldOnceAcrossAClockStep(t *testing.T) {
	checks := func(step bool) int {
		c := iceCourse(t, time.Hour, "off")
		c.SkinCheck = 8 * time.Minute
		clock := &fakeClock{now: start}
		told, stepped := 0, false
		cfg := Config{Course: c, OnSkinCheck: func(schedule.State) { told++ }}
		if step {
			clock.jumpAt, clock.jump = start.Add(9*time.Minute), -time.Hour
			cfg.Steps = func(time.Time) time.Duration {
				if !stepped && clock.jump == 0 {
					stepped = true
					return -time.Hour
				}
				return 0
			}
		}
		run(t, cfg, clock)
		if step && !stepped {
			t.Fatal("the clock never stepped")
		}
		return told
	}
	if plain, stepped := checks(false), checks(true); plain == 0 || stepped != plain {
		t.Fatalf("%d skin checks told with a step back, %d without", stepped, plain)
	}
}
