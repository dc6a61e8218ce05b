package schedule

import (
	"testing"
	"time"
)

// courseWithAPauseAnExtendAndANight is ice 20m, rest 20m from 08:00 with
// quiet hours 23:00-07:00: rest paused 09:05-09:40, the next ice extended by
// 5 minutes (40 minutes late in all: a whole cycle), and ice paused at 22:50
// with 10 minutes left, over the night, resumed at 07:10.
func courseWithAPauseAnExtendAndANight(t *testing.T) Course {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	c.Quiet = quiet(t, "23:00-07:00", time.UTC)
	return withEvents(c, ev(Pause, 65*m), ev(Resume, 100*m), extend(120*m, 5*m),
		ev(Pause, 14*time.Hour+50*m), ev(Resume, 23*time.Hour+10*m))
}

// Segment.End is the end as known at the instant an answer is for: the
// actual end of a segment over by then, else its planned end. Transitions,
// Segments and State.Current must tell the same story.
func TestSegmentEndsAgree(t *testing.T) {
	c := courseWithAPauseAnExtendAndANight(t)
	for d := time.Duration(0); d < 30*time.Hour; d += 7 * m {
		to := at(d + 30*time.Second) // never at a transition or an event
		segs := c.Segments(c.Start, to)
		trs := c.Transitions(c.Start, to)
		if len(segs) != len(trs) {
			t.Fatalf("to +%v: %d segments, %d transitions", d, len(segs), len(trs))
		}
		for i, tr := range trs {
			// The segment a transition begins, as known at that instant.
			if want := recordedBy(c, tr.At).StateAt(tr.At).Current; tr.To != want {
				t.Fatalf("transition %d at +%v begins %+v, state then %+v", i, tr.At.Sub(t0), tr.To, want)
			}
			if i+1 < len(trs) && segs[i] != trs[i+1].From {
				t.Fatalf("segment %d: %+v, the transition that ended it %+v", i, segs[i], trs[i+1].From)
			}
		}
		if last, now := segs[len(segs)-1], recordedBy(c, to).StateAt(to).Current; last != now {
			t.Fatalf("to +%v: last segment %+v, state %+v", d, last, now)
		}
	}
}

// The same course, end by end.
func TestSegmentEndsOfAPausedExtendedDay(t *testing.T) {
	c := courseWithAPauseAnExtendAndANight(t)
	segs := c.Segments(c.Start, at(24*time.Hour))
	want := []struct {
		kind               Kind
		start, end, paused time.Duration
	}{
		{Ice, 0, 20 * m, 0}, {Rest, 20 * m, 40 * m, 0}, {Ice, 40 * m, 60 * m, 0},
		{Rest, 60 * m, 115 * m, 35 * m},
		{Ice, 115 * m, 140 * m, 0}, // extended by 5
		{Rest, 140 * m, 160 * m, 0},
	}
	for i, w := range want {
		if s := segs[i]; s.Kind != w.kind || !s.Start.Equal(at(w.start)) || !s.End.Equal(at(w.end)) || s.Paused != w.paused {
			t.Errorf("segment %d: %s +%v to +%v paused %v, want %s +%v to +%v paused %v", i,
				s.Kind, s.Start.Sub(t0), s.End.Sub(t0), s.Paused, w.kind, w.start, w.end, w.paused)
		}
	}
	n := 0
	for segs[n].Kind != Quiet {
		n++
	}
	evening, night, morning, next := segs[n-1], segs[n], segs[n+1], segs[n+2]
	// Paused at 22:50, the ice still ended when the night began: its paused
	// share stops there.
	if evening.Kind != Ice || !evening.End.Equal(at(15*time.Hour)) || evening.Paused != 10*m {
		t.Errorf("evening %+v, want ice to 23:00, 10m of it paused", evening)
	}
	if night.Kind != Quiet || !night.Start.Equal(at(15*time.Hour)) || !night.End.Equal(at(23*time.Hour)) || night.Paused != 0 {
		t.Errorf("night %+v, want 23:00 to 07:00, nothing to pause", night)
	}
	// The morning's ice waited for the resume at 07:10, then ran 20 minutes.
	if morning.Kind != Ice || !morning.End.Equal(at(23*time.Hour+30*m)) || morning.Paused != 10*m || next.Kind != Rest {
		t.Errorf("morning %+v then %+v, want ice to 07:30, 10m of it paused, then rest", morning, next)
	}
}

// The current segment's paused time counts up to now, and a segment's on
// time is End - Start - Paused.
func TestStatePausedTimeCountsUpToNow(t *testing.T) {
	c := courseWithAPauseAnExtendAndANight(t)
	for _, tc := range []struct {
		now    time.Duration
		kind   Kind
		paused time.Duration
	}{
		{62 * m, Rest, 0},
		{80 * m, Rest, 15 * m},
		{110 * m, Rest, 35 * m},
		{14*time.Hour + 55*m, Ice, 5 * m},
		{16 * time.Hour, Quiet, 0},
		{23*time.Hour + 4*m, Ice, 4 * m},
		{23*time.Hour + 20*m, Ice, 10 * m},
	} {
		s := recordedBy(c, at(tc.now)).StateAt(at(tc.now))
		if s.Current.Kind != tc.kind || s.Current.Paused != tc.paused {
			t.Errorf("at +%v: %s paused %v, want %s paused %v", tc.now, s.Current.Kind, s.Current.Paused, tc.kind, tc.paused)
		}
	}
}
