package remind

import (
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// instants lists when each transition happens.
func instants(ts []schedule.Transition) []time.Time {
	out := make([]time.Time, len(ts))
	for i, t := range ts {
		out[i] = t.At
	}
	return out
}

// announceAt runs one announcer over the clock readings, collecting every
// change it announces with the reading it was announced at.
func announceAt(c schedule.Course, since time.Time, readings ...time.Time) (at, told []time.Time) {
	a := NewAnnouncer(since)
	for _, now := range readings {
		for _, t := range a.Due(c, now) {
			at, told = append(at, now), append(told, t.At)
		}
	}
	return at, told
}

func TestAChangeIsDueAtItsInstantAndOnlyOnce(t *testing.T) {
	c := iceCourse(testStart)
	change := testStart.Add(20 * time.Minute)
	at, told := announceAt(c, testStart.Add(time.Second), change.Add(-time.Nanosecond), change, change, change.Add(time.Second))
	if len(told) != 1 || !told[0].Equal(change) || !at[0].Equal(change) {
		t.Fatalf("told %v at %v; want the 08:20 change once, at 08:20", told, at)
	}
}

func TestThePersonsOwnKeysAreNotAnnounced(t *testing.T) {
	c := iceCourse(testStart)
	skip := testStart.Add(5 * time.Minute)
	stop := testStart.Add(50 * time.Minute)
	c.Events = []schedule.Event{{Type: schedule.Skip, At: skip}, {Type: schedule.Stop, At: stop}}
	a := NewAnnouncer(testStart)
	ts := a.Due(c, testStart.Add(time.Hour))
	// The start, then rest (from the skip) gives way to ice at 08:25 and ice
	// to rest at 08:45; not the skip itself, not the stop.
	want := []time.Time{testStart, skip.Add(20 * time.Minute), skip.Add(40 * time.Minute)}
	if got := instants(ts); len(got) != len(want) || !got[0].Equal(want[0]) || !got[1].Equal(want[1]) || !got[2].Equal(want[2]) {
		t.Fatalf("announced %v, want %v", got, want)
	}
}

// Clock steps (issue 10): a step in either direction never delays a
// change past its wall-clock instant, and a small correction repeats none.
func TestClockSteps(t *testing.T) {
	c := iceCourse(testStart)
	since := testStart.Add(time.Second) // the start was announced
	at := func(d time.Duration) time.Time { return testStart.Add(d) }
	for _, tc := range []struct {
		name     string
		readings []time.Time
		want     []time.Time // the changes told, in order
	}{
		{
			name:     "40 s back just after a change repeats nothing",
			readings: []time.Time{at(20*time.Minute + 10*time.Second), at(19*time.Minute + 30*time.Second), at(20 * time.Minute), at(39 * time.Minute), at(40 * time.Minute)},
			want:     []time.Time{at(20 * time.Minute), at(40 * time.Minute)},
		},
		{
			name:     "40 s ahead tells the change at once",
			readings: []time.Time{at(19*time.Minute + 50*time.Second), at(20*time.Minute + 30*time.Second)},
			want:     []time.Time{at(20 * time.Minute)},
		},
		{
			name:     "an hour back tells the next change at its instant",
			readings: []time.Time{at(70 * time.Minute), at(10 * time.Minute), at(19 * time.Minute), at(20 * time.Minute)},
			want:     []time.Time{at(20 * time.Minute), at(40 * time.Minute), at(60 * time.Minute), at(20 * time.Minute)},
		},
		{
			name: "an hour ahead and back: every change of that hour told again at its instant",
			readings: []time.Time{at(5 * time.Minute), at(65 * time.Minute), at(5*time.Minute + time.Second),
				at(20 * time.Minute), at(40 * time.Minute), at(60 * time.Minute), at(80 * time.Minute)},
			want: []time.Time{
				at(20 * time.Minute), at(40 * time.Minute), at(60 * time.Minute), // the jump's catch-up
				at(20 * time.Minute), at(40 * time.Minute), at(60 * time.Minute), at(80 * time.Minute),
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			whenTold, told := announceAt(c, since, tc.readings...)
			if len(told) != len(tc.want) {
				t.Fatalf("told %v, want %v", told, tc.want)
			}
			for i := range told {
				if !told[i].Equal(tc.want[i]) {
					t.Fatalf("told %v, want %v", told, tc.want)
				}
				if whenTold[i].Before(told[i]) {
					t.Errorf("the %v change was told early, at %v", told[i], whenTold[i])
				}
			}
		})
	}
}

// A numb answer ends the ice phase at the whole second it was given in,
// before the instant the screen last looked: its remove reminder is still
// told, once, at the next look, and never again.
func TestANumbRemovalIsAnnouncedOnce(t *testing.T) {
	c := iceCourse(testStart)
	c.SkinCheck = 8 * time.Minute
	a := NewAnnouncer(testStart)
	a.Due(c, testStart)
	pressed := testStart.Add(9*time.Minute + 600*time.Millisecond)
	if ts := a.Due(c, pressed); len(ts) != 0 {
		t.Fatalf("told %v before the answer", instants(ts))
	}
	numb, err := c.Do(schedule.Action{Verb: schedule.VerbSkinNumb}, pressed)
	if err != nil {
		t.Fatal(err)
	}
	var told []time.Time
	for _, now := range []time.Time{pressed, pressed.Add(400 * time.Millisecond), pressed.Add(1400 * time.Millisecond), pressed.Add(time.Minute)} {
		for _, t := range a.Due(numb, now) {
			told = append(told, t.At)
		}
	}
	if len(told) != 1 || !told[0].Equal(testStart.Add(9*time.Minute)) {
		t.Fatalf("told %v, want the numb removal at 08:09 once", told)
	}
	// A process resuming after it was told does not tell it again.
	again := NewAnnouncer(pressed.Add(time.Second))
	if ts := again.Due(numb, pressed.Add(2*time.Second)); len(ts) != 0 {
		t.Fatalf("a resumed announcer told %v again", instants(ts))
	}
}

// After the wall clock steps back and the course Shifted with it, a
// second numb answer, earlier on the clock than the first, is told as the
// first was.
func TestANumbAfterAClockStepBackIsAnnounced(t *testing.T) {
	c := iceCourse(testStart)
	c.SkinCheck = 8 * time.Minute
	a := NewAnnouncer(testStart)
	a.Due(c, testStart)
	pressed := testStart.Add(9 * time.Minute)
	numb, err := c.Do(schedule.Action{Verb: schedule.VerbSkinNumb}, pressed)
	if err != nil {
		t.Fatal(err)
	}
	if ts := a.Due(numb, pressed.Add(time.Second)); len(ts) != 1 {
		t.Fatalf("told %v at the first numb, want it", instants(ts))
	}
	numb = numb.Shifted(-time.Hour)
	a.Shift(-time.Hour)
	var iceOn time.Time // the next ice, on the stepped clock
	for _, t := range numb.Transitions(pressed.Add(-time.Hour), pressed.Add(time.Hour)) {
		if t.To.Kind == schedule.Ice {
			iceOn = t.At
			break
		}
	}
	a.Due(numb, iceOn)
	now := iceOn.Add(9 * time.Minute)
	second, err := numb.Do(schedule.Action{Verb: schedule.VerbSkinNumb}, now)
	if err != nil {
		t.Fatalf("the second numb at %v: %v", now, err)
	}
	if ts := a.Due(second, now.Add(time.Second)); len(ts) != 1 || ts[0].To.Cause != schedule.CauseNumb {
		t.Fatalf("told %v after the second numb at %v, want its removal", instants(ts), now)
	}
}
