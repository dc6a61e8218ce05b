package remind

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// repeatsAt runs one repeater over the clock readings and gives the
// readings at which a repeat was due, with its number.
func repeatsAt(c schedule.Course, every time.Duration, readings ...time.Duration) map[time.Duration]int {
	r := NewRepeater(every, testStart)
	got := map[time.Duration]int{}
	for _, d := range readings {
		if _, n, ok := r.Due(c, testStart.Add(d)); ok {
			got[d] = n
		}
	}
	return got
}

func minutes(ms ...float64) []time.Duration {
	out := make([]time.Duration, len(ms))
	for i, m := range ms {
		out[i] = time.Duration(m * float64(time.Minute))
	}
	return out
}

func TestARemoveReminderRepeatsUntilTheNextChange(t *testing.T) {
	// Ice off at 08:20, on again at 08:40.
	got := repeatsAt(iceCourse(testStart), DefaultRepeat, minutes(19, 20, 21, 22, 22.5, 24, 38, 39.9, 40, 42)...)
	want := map[time.Duration]int{22 * time.Minute: 1, 24 * time.Minute: 2, 38 * time.Minute: 3}
	if len(got) != len(want) {
		t.Fatalf("repeats %v, want %v", got, want)
	}
	for d, n := range want {
		if got[d] != n {
			t.Fatalf("repeats %v, want %v", got, want)
		}
	}
}

func TestAnAcknowledgementOrAnyKeyStopsTheRepeats(t *testing.T) {
	for _, e := range []schedule.EventType{schedule.Ack, schedule.Pause, schedule.Extend} {
		c := iceCourse(testStart)
		c.Events = []schedule.Event{{Type: e, At: testStart.Add(23 * time.Minute), Amount: time.Minute}}
		got := repeatsAt(c, DefaultRepeat, minutes(22, 24, 26, 30)...)
		if len(got) != 1 || got[22*time.Minute] != 1 {
			t.Errorf("after a %s at 08:23: repeats %v, want only the one at 08:22", e, got)
		}
	}
}

func TestOnlyScheduledPackOffChangesRepeat(t *testing.T) {
	skipped := iceCourse(testStart)
	skipped.Events = []schedule.Event{{Type: schedule.Skip, At: testStart.Add(10 * time.Minute)}}
	// The person's own skip at 08:10; the put-on change at 08:30 never repeats.
	if got := repeatsAt(skipped, DefaultRepeat, minutes(12, 14, 32, 34)...); len(got) != 0 {
		t.Errorf("repeats %v after a skip and a put-on change, want none", got)
	}
}

func TestASleepingLaptopMakesOneRepeat(t *testing.T) {
	if got := repeatsAt(iceCourse(testStart), DefaultRepeat, minutes(21, 35, 35.5)...); len(got) != 1 || got[35*time.Minute] != 1 {
		t.Fatalf("repeats %v, want one, at 08:35", got)
	}
}

func TestRepeatOff(t *testing.T) {
	if got := repeatsAt(iceCourse(testStart), 0, minutes(22, 24)...); len(got) != 0 {
		t.Fatalf("repeats %v with repeat off", got)
	}
}

// A reminder told late (a catch-up on reopening) is repeated a whole
// interval after it was told, not at once.
func TestRepeatsCountFromTheLastTelling(t *testing.T) {
	r := NewRepeater(DefaultRepeat, testStart)
	c := iceCourse(testStart)
	r.Told(testStart.Add(30 * time.Minute)) // the 08:20 change, told at 08:30
	for _, d := range minutes(30, 31.9) {
		if _, _, ok := r.Due(c, testStart.Add(d)); ok {
			t.Fatalf("a repeat at %v, under 2 min after the telling", d)
		}
	}
	if _, n, ok := r.Due(c, testStart.Add(32*time.Minute)); !ok || n != 1 {
		t.Fatal("no repeat 2 min after the telling")
	}
}

// askingCourse is iceCourse whose put-on reminders ask "Is it on?".
func askingCourse() schedule.Course {
	c := iceCourse(testStart)
	c.ConfirmPutOn = true
	return c
}

// A put-on that asks "Is it on?" repeats every 5 minutes, three times at
// most, whatever --repeat says; a removal keeps its own repeat.
func TestAPutOnRepeatsThreeTimesEveryFiveMinutes(t *testing.T) {
	// Ice on at 08:00 (the start) and 09:00; off at 08:30.
	long := askingCourse()
	long.Protocol.Stages[0].Cycle[0].Duration = 30 * time.Minute
	long.Protocol.Stages[0].Cycle[1].Duration = 30 * time.Minute
	for _, every := range []time.Duration{DefaultRepeat, 0} {
		got := repeatsAt(long, every, minutes(4.9, 5, 9, 10, 15, 20, 25, 29.9, 30, 32, 60, 65, 70, 75, 80, 85)...)
		want := map[time.Duration]int{5 * time.Minute: 1, 10 * time.Minute: 2, 15 * time.Minute: 3, 65 * time.Minute: 1, 70 * time.Minute: 2, 75 * time.Minute: 3}
		if every > 0 {
			want[32*time.Minute] = 1
		}
		if len(got) != len(want) {
			t.Fatalf("repeat %v: repeats %v, want %v", every, got, want)
		}
		for d, n := range want {
			if got[d] != n {
				t.Fatalf("repeat %v: repeats %v, want %v", every, got, want)
			}
		}
	}
	confirmed := askingCourse()
	confirmed.Events = []schedule.Event{{Type: schedule.Confirm, At: testStart.Add(7 * time.Minute)}}
	if got := repeatsAt(confirmed, DefaultRepeat, minutes(5, 10, 15)...); len(got) != 1 || got[5*time.Minute] != 1 {
		t.Fatalf("repeats %v after the answer at 08:07, want only the one at 08:05", got)
	}
}

// Next is exactly when Due next says a repeat is due, so a loop that
// sleeps until Next never wakes for nothing: after Due at any instant,
// Next is later or there is none (a put-on waiting past its third repeat,
// or between its five-minute repeats, woke a loop at once, over and over:
// `run` spun at a full core until the ice phase ended).
func TestNextIsWhenDueSays(t *testing.T) {
	for name, c := range map[string]schedule.Course{"removal": iceCourse(testStart), "put-on": askingCourse()} {
		for _, every := range []time.Duration{10 * time.Second, DefaultRepeat, 0} {
			r := NewRepeater(every, testStart)
			for d := time.Duration(0); d <= 90*time.Minute; d += 5 * time.Second {
				now := testStart.Add(d)
				next, waits := r.Next(c, now)
				_, _, ok := r.Due(c, now)
				if ok != (waits && !now.Before(next)) {
					t.Fatalf("%s, repeat %v, at %v: Due %v, Next %v (%v)", name, every, d, ok, next.Sub(testStart), waits)
				}
				if next, waits := r.Next(c, now); waits && !next.After(now) {
					t.Fatalf("%s, repeat %v, at %v: Next is %v, not later: a loop would spin", name, every, d, next.Sub(testStart))
				}
			}
		}
	}
}
