package schedule

import (
	"testing"
	"time"
)

// expectedPlan is the schedule a preset's table row describes, written the
// plain way (repeat the cycle; at a cycle boundary at or after the window, move
// on): the oracle the engine must agree with when no quiet hours or events
// complicate things.
func expectedPlan(p Protocol, start time.Time, span time.Duration) []Segment {
	var out []Segment
	t := start
	for stage, st := range p.Stages {
		stageStart := t
		for {
			for i, ph := range st.Cycle {
				if !t.Before(start.Add(span)) {
					return out
				}
				out = append(out, Segment{Kind: ph.Kind, Stage: stage, Index: i, Start: t, End: t.Add(ph.Duration)})
				t = t.Add(ph.Duration)
			}
			if !st.UntilStopped() && t.Sub(stageStart) >= st.Window {
				break
			}
		}
	}
	if t.Before(start.Add(span)) {
		out = append(out, Segment{Kind: Done, Stage: len(p.Stages) - 1, Index: -1, Start: t})
	}
	return out
}

func sameTimeline(t *testing.T, got, want []Segment) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d segments, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Kind != w.Kind || g.Stage != w.Stage || g.Index != w.Index || !g.Start.Equal(w.Start) || !g.End.Equal(w.End) {
			t.Fatalf("segment %d: got %s stage %d #%d %v-%v, want %s stage %d #%d %v-%v", i,
				g.Kind, g.Stage, g.Index, g.Start, g.End, w.Kind, w.Stage, w.Index, w.Start, w.End)
		}
	}
}

type tally struct {
	on     map[Kind]int
	doneAt time.Duration // -1 when the course is not done in the span
}

func count(segs []Segment) tally {
	tl := tally{on: map[Kind]int{}, doneAt: -1}
	for _, s := range segs {
		if s.Kind == Done {
			tl.doneAt = s.Start.Sub(t0)
		}
		tl.on[s.Kind]++
	}
	return tl
}

// Each preset over a 72-hour course with no quiet hours, against its
// article's numbers.
func TestPresetsOver72HoursWithoutQuietHours(t *testing.T) {
	const span = 80 * time.Hour // past the end of every 72 h window
	cases := []struct {
		id           string
		ice, heat    int           // applications in the first 80 h
		doneAt       time.Duration // -1: still running at 80 h
		firstHeatAt  time.Duration // -1: no heat
		everyPhaseOn time.Duration // every ice and heat phase lasts this long
	}{
		// 20 on, 20 off: 72 h / 40 min = 108 applications, over at exactly 72 h.
		{"ice-20-20", 108, 0, 72 * time.Hour, -1, 20 * time.Minute},
		// 48 h of ice (72 applications), then heat 20/20 until stopped: 32 h = 48 more.
		{"ice-then-heat", 72, 48, -1, 48 * time.Hour, 20 * time.Minute},
		// 25 on, 90 off = 115 min: the window ends inside the 38th cycle, which
		// runs to its end, so the course is over at 38 x 115 min = 72 h 50 min.
		{"ice-25-90", 38, 0, 72*time.Hour + 50*time.Minute, -1, 25 * time.Minute},
		// Every 3 hours, until stopped: 80 h / 3 h, rounded up.
		{"ice-every-3h", 27, 0, -1, -1, 20 * time.Minute},
		{"heat-20-20", 0, 120, -1, 0, 20 * time.Minute},
		// ice, rest, heat, rest: 80 min a cycle, 60 cycles in 80 h.
		{"alternate", 60, 60, -1, 40 * time.Minute, 20 * time.Minute},
		// 10 on, 10 off, 10 on, 90 off = 2 h: 36 cycles in 72 h, two applications each.
		{"intermittent-10-10-10", 72, 0, 72 * time.Hour, -1, 10 * time.Minute},
	}
	for _, tc := range cases {
		t.Run(tc.id, func(t *testing.T) {
			p := preset(t, tc.id)
			c := Course{Preset: tc.id, Protocol: p.Protocol, Start: t0}
			segs := c.Segments(t0, t0.Add(span))
			sameTimeline(t, segs, expectedPlan(p.Protocol, t0, span))

			got := count(segs)
			if got.on[Ice] != tc.ice || got.on[Heat] != tc.heat || got.doneAt != tc.doneAt {
				t.Errorf("ice %d, heat %d, done at %v; want %d, %d, %v", got.on[Ice], got.on[Heat], got.doneAt, tc.ice, tc.heat, tc.doneAt)
			}
			firstHeat := time.Duration(-1)
			for _, s := range segs {
				if s.Kind == Heat && firstHeat < 0 {
					firstHeat = s.Start.Sub(t0)
				}
				if s.Kind.IsOn() && s.End.Sub(s.Start) != tc.everyPhaseOn {
					t.Fatalf("%s at +%v lasts %v, want %v", s.Kind, s.Start.Sub(t0), s.End.Sub(s.Start), tc.everyPhaseOn)
				}
			}
			if firstHeat != tc.firstHeatAt {
				t.Errorf("first heat at +%v, want +%v", firstHeat, tc.firstHeatAt)
			}
		})
	}
}

// Quiet hours 23:00-07:00: no pack on at night, the phase running at 23:00
// ends then, and each morning starts a fresh cycle with the pack going on.
func TestPresetsOver72HoursWithQuietHours(t *testing.T) {
	q := quiet(t, "23:00-07:00", time.UTC)
	for _, p := range Presets() {
		t.Run(p.ID, func(t *testing.T) {
			c := Course{Preset: p.ID, Protocol: p.Protocol, Start: t0, Quiet: q}
			segs := c.Segments(t0, t0.Add(80*time.Hour))
			nights := 0
			for i, s := range segs {
				h, m, _ := s.Start.Clock()
				switch {
				case s.Kind == Quiet:
					nights++
					if h != 23 || m != 0 || s.End.Sub(s.Start) != 8*time.Hour {
						t.Fatalf("quiet hours %v-%v, want 23:00 for 8 h", s.Start, s.End)
					}
					if !segs[i-1].End.Equal(s.Start) {
						t.Fatalf("the phase before the night ends at %v, want 23:00", segs[i-1].End)
					}
					if i+1 < len(segs) && segs[i+1].Kind != Done && (!segs[i+1].Kind.IsOn() || segs[i+1].Start.Hour() != 7) {
						t.Fatalf("morning starts with %s at %v, want a pack on at 07:00", segs[i+1].Kind, segs[i+1].Start)
					}
				case s.Kind.IsOn():
					y, mo, d := s.Start.Date()
					bedtime := time.Date(y, mo, d, 23, 0, 0, 0, time.UTC)
					if h < 7 || s.End.After(bedtime) {
						t.Fatalf("%s at night: %v-%v", s.Kind, s.Start, s.End)
					}
				}
			}
			if nights != 3 {
				t.Errorf("%d nights in 80 h from Saturday 08:00, want 3", nights)
			}
		})
	}
}

// Windows are calendar time: nights count. The window of ice-20-20 runs out
// at Tuesday 08:00, inside the morning's second cycle (07:00 fresh start,
// 07:40, 08:20), so the course ends at 08:20; ice-then-heat moves to heat on
// Monday at 08:20 the same way.
func TestWindowsCountNightsAndEndAtACycleBoundary(t *testing.T) {
	q := quiet(t, "23:00-07:00", time.UTC)
	for _, tc := range []struct {
		id   string
		at   time.Duration
		kind Kind
	}{
		{"ice-20-20", 72*time.Hour + 20*time.Minute, Done},
		{"ice-then-heat", 48*time.Hour + 20*time.Minute, Heat},
	} {
		c := Course{Preset: tc.id, Protocol: preset(t, tc.id).Protocol, Start: t0, Quiet: q}
		var change Transition
		for _, tr := range c.Transitions(t0, t0.Add(80*time.Hour)) {
			if tr.To.Stage != tr.From.Stage || tr.To.Kind == Done {
				change = tr
				break
			}
		}
		if change.At.Sub(t0) != tc.at || change.To.Kind != tc.kind {
			t.Errorf("%s: %s at +%v, want %s at +%v", tc.id, change.To.Kind, change.At.Sub(t0), tc.kind, tc.at)
		}
	}
}

// The clocks go back on the last Sunday of October in Berlin: that night's
// quiet hours last nine hours of real time, and the morning still starts at
// 07:00 local time.
func TestQuietHoursAcrossDaylightSavingChange(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	start := time.Date(2026, 10, 24, 20, 0, 0, 0, berlin) // Saturday evening, summer time
	c := Course{Preset: "ice-20-20", Protocol: preset(t, "ice-20-20").Protocol, Start: start, Quiet: quiet(t, "23:00-07:00", berlin)}
	var nights []Segment
	for _, s := range c.Segments(start, start.Add(50*time.Hour)) {
		if s.Kind == Quiet {
			nights = append(nights, s)
		}
	}
	want := []time.Duration{9 * time.Hour, 8 * time.Hour}
	if len(nights) != len(want) {
		t.Fatalf("%d nights, want %d", len(nights), len(want))
	}
	for i, n := range nights {
		from, to := n.Start.In(berlin), n.End.In(berlin)
		if from.Hour() != 23 || to.Hour() != 7 || n.End.Sub(n.Start) != want[i] {
			t.Errorf("night %d: %v to %v (%v), want 23:00 to 07:00 local (%v)", i+1, from, to, n.End.Sub(n.Start), want[i])
		}
	}
}

// The first night (PROTOCOLS.md section 7): a course started during quiet
// hours, or less than one application before them, gets one full first
// application; the night starts after it.
func TestFirstApplicationIsGivenInFullBeforeTheNight(t *testing.T) {
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name       string
		cycle      string
		start      time.Time
		wantNights []time.Time // the starts of the first two nights
	}{
		{"started at night", "ice 20m, rest 20m", at(21, 23, 30), []time.Time{at(21, 23, 50), at(22, 23, 0)}},
		{"started 10 min before the night", "ice 20m, rest 20m", at(21, 22, 50), []time.Time{at(21, 23, 10), at(22, 23, 0)}},
		{"started an application before the night", "ice 20m, rest 20m", at(21, 22, 40), []time.Time{at(21, 23, 0), at(22, 23, 0)}},
		{"rest first: the application after it", "rest 10m, ice 20m", at(21, 22, 45), []time.Time{at(21, 23, 15), at(22, 23, 0)}},
		{"started as the night ends", "ice 20m, rest 20m", at(22, 6, 50), []time.Time{at(22, 23, 0), at(23, 23, 0)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := courseOf(t, tc.cycle, 0)
			c.Start = tc.start
			c.Quiet = quiet(t, "23:00-07:00", time.UTC)
			if s := c.StateAt(c.Start.Add(time.Minute)); s.Current.Kind == Quiet {
				t.Fatalf("a minute after the start: %s, want the first phase", s.Current.Kind)
			}
			var nights []time.Time
			for _, seg := range c.Segments(c.Start, c.Start.Add(50*time.Hour)) {
				if seg.Kind == Quiet {
					nights = append(nights, seg.Start)
					if !seg.End.After(seg.Start) {
						t.Fatalf("night %v to %v", seg.Start, seg.End)
					}
				}
			}
			if len(nights) < 2 || !nights[0].Equal(tc.wantNights[0]) || !nights[1].Equal(tc.wantNights[1]) {
				t.Fatalf("nights start at %v, want %v first", nights, tc.wantNights)
			}
		})
	}
}
