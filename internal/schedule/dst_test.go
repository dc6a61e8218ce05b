package schedule

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/testseed"
)

// dstCases are the nights that once made the engine loop for ever or give a
// night of no length: quiet hours ending in a spring-forward gap (New York,
// Los Angeles), crossing a midnight that the clocks skip (Santiago), and a
// 30-minute change (Lord Howe).
var dstCases = []struct {
	zone         string
	start        string // the course's start, RFC 3339
	qStart, qEnd time.Duration
}{
	{"America/New_York", "2026-03-07T20:00:00-05:00", hm(1, 45), hm(2, 30)},
	{"America/Los_Angeles", "2026-03-07T20:00:00-08:00", hm(1, 40), hm(2, 20)},
	{"America/Santiago", "2026-09-05T20:00:00-04:00", hm(23, 30), hm(0, 15)},
	{"Australia/Lord_Howe", "2026-10-03T20:00:00+10:30", hm(2, 0), hm(2, 20)},
	{"Australia/Lord_Howe", "2026-10-03T20:00:00+10:30", hm(2, 15), hm(2, 45)},
	{"America/New_York", "2026-10-31T20:00:00-04:00", hm(1, 15), hm(1, 45)},
	{"Pacific/Apia", "2011-12-29T08:00:00-10:00", hm(23, 0), hm(7, 0)},
}

func hm(h, m int) time.Duration { return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute }

// dstCourse is a 20-minute cycle that runs until stopped, with quiet hours
// in zone loc.
func dstCourse(start time.Time, loc *time.Location, qStart, qEnd time.Duration) Course {
	return Course{Preset: "custom", Start: start,
		Protocol: Protocol{Stages: []Stage{{Cycle: Cycle{{Ice, 20 * time.Minute}, {Rest, 20 * time.Minute}}}}},
		Quiet:    QuietHours{Enabled: true, Start: qStart, End: qEnd, Location: loc}}
}

// checkCourse walks c up to until and says what broke, if anything: a
// transition not strictly after the one before, a night whose end is not
// after its start, or far more transitions than a 20-minute cycle makes. It
// runs the walk on a goroutine and gives up after walkLimit, so that an
// engine that loops for ever fails the test rather than hanging it.
func checkCourse(c Course, until time.Time) error {
	done := make(chan error, 1)
	go func() { done <- walkChecked(c, until) }()
	select {
	case err := <-done:
		return err
	case <-time.After(walkLimit):
		return fmt.Errorf("walking the course to %v did not finish within %v", until, walkLimit)
	}
}

// walkLimit is how long a walk may take before it counts as looping for
// ever. A walk takes well under a millisecond; a second was once too
// little on a loaded machine (stress --cpu 2), and a loop never ends, so
// a generous limit costs nothing.
const walkLimit = 10 * time.Second

func walkChecked(c Course, until time.Time) error {
	limit := 4 * int(until.Sub(c.Start)/(20*time.Minute)+2)
	var prev time.Time
	n := 0
	for tr := range c.Changes(c.Start) {
		if n > 0 && !tr.At.After(prev) {
			return fmt.Errorf("transition %d at %v is not after the one before, at %v", n, tr.At, prev)
		}
		if tr.To.Kind == Quiet && !tr.To.End.After(tr.To.Start) {
			return fmt.Errorf("night from %v ends at %v", tr.To.Start, tr.To.End)
		}
		if tr.From.Kind == Quiet && !tr.At.After(tr.From.Start) {
			return fmt.Errorf("night from %v ended at %v", tr.From.Start, tr.At)
		}
		if n++; n > limit {
			return fmt.Errorf("more than %d transitions before %v", limit, until)
		}
		if prev = tr.At; tr.At.After(until) {
			break
		}
	}
	for _, now := range []time.Time{prev, until} {
		if s := c.StateAt(now); s.Current.Kind == Quiet && !s.Current.End.After(s.Current.Start) {
			return fmt.Errorf("at %v: night from %v ends at %v", now, s.Current.Start, s.Current.End)
		}
	}
	return nil
}

func TestQuietHoursAroundKnownClockChanges(t *testing.T) {
	for _, tc := range dstCases {
		loc, err := time.LoadLocation(tc.zone)
		if err != nil {
			t.Skipf("zone %s: %v", tc.zone, err)
		}
		start, _ := time.Parse(time.RFC3339, tc.start)
		c := dstCourse(start, loc, tc.qStart, tc.qEnd)
		if err := checkCourse(c, start.Add(72*time.Hour)); err != nil {
			t.Errorf("%s from %s, quiet %v-%v: %v", tc.zone, tc.start, tc.qStart, tc.qEnd, err)
		}
	}
}

// A clock time the zone skips is read as the end of the gap, one it shows
// twice as its first showing.
func TestQuietHoursReadSkippedAndRepeatedClockTimes(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip(err)
	}
	q := QuietHours{Enabled: true, Start: hm(1, 45), End: hm(2, 30), Location: ny}
	n := q.nextAfter(time.Date(2026, 3, 7, 20, 0, 0, 0, ny))
	if want := time.Date(2026, 3, 8, 3, 0, 0, 0, ny); !n.end.Equal(want) {
		t.Errorf("quiet hours ending at 02:30 on the spring-forward night end at %v, want %v (the gap's end)", n.end, want)
	}
	q = QuietHours{Enabled: true, Start: hm(1, 15), End: hm(1, 45), Location: ny}
	n = q.nextAfter(time.Date(2026, 10, 31, 20, 0, 0, 0, ny))
	if want := time.Date(2026, 11, 1, 5, 15, 0, 0, time.UTC); !n.start.Equal(want) || n.end.Sub(n.start) != 30*time.Minute {
		t.Errorf("quiet hours 01:15-01:45 on the fall-back night: %v to %v, want the first 01:15 (%v) for 30m", n.start, n.end, want)
	}
}

// zoneNames lists the IANA zones on this machine, or the zones of dstCases
// where there is no zone database to list.
func zoneNames(t *testing.T) []string {
	root := os.Getenv("ZONEINFO")
	if root == "" {
		root = "/usr/share/zoneinfo"
	}
	var names []string
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name, _ := filepath.Rel(root, path)
		if d.IsDir() && (name == "posix" || name == "right") {
			return fs.SkipDir
		}
		if d.IsDir() || strings.Contains(name, ".") || !strings.ContainsAny(name[:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			return nil
		}
		if _, err := time.LoadLocation(name); err == nil {
			names = append(names, name)
		}
		return nil
	})
	if len(names) == 0 {
		t.Logf("no zone database under %s: checking only the known cases' zones", root)
		for _, tc := range dstCases {
			names = append(names, tc.zone)
		}
	}
	return names
}

// clockChanges lists the instants loc changes offset from 2020 through 2040.
func clockChanges(loc *time.Location) []time.Time {
	var out []time.Time
	end2040 := time.Date(2041, 1, 1, 0, 0, 0, 0, loc)
	for t := time.Date(2020, 1, 1, 0, 0, 0, 0, loc); t.Before(end2040); {
		_, end := t.ZoneBounds()
		if end.IsZero() || !end.Before(end2040) {
			return out
		}
		if !end.After(t) {
			// Some zones' extended rules report a bound at t itself.
			t = t.Add(time.Hour)
			continue
		}
		if _, before := end.Add(-time.Second).Zone(); before != offsetAt(end) {
			out = append(out, end)
		}
		t = end
	}
	return out
}

func offsetAt(t time.Time) int {
	_, off := t.Zone()
	return off
}

// Every zone on this machine, every clock change from 2020 to 2040, quiet
// hours on a 15-minute grid, sampled: the engine finishes, its nights end
// after they start and its transitions come in order. -short checks a
// sample of the clock changes; the full run checks each of them with more
// quiet hours.
func TestQuietHoursAcrossEveryZonesClockChanges(t *testing.T) {
	rng := rand.New(rand.NewPCG(testseed.FromEnv(t, "ICETIMER_DST_SEED"), 10))
	perChange, changeShare := 24, 1.0
	if testing.Short() {
		perChange, changeShare = 3, 0.2
	}
	checked := 0
	for _, name := range zoneNames(t) {
		loc, _ := time.LoadLocation(name)
		for _, change := range clockChanges(loc) {
			if rng.Float64() >= changeShare {
				continue
			}
			for range perChange {
				qs := time.Duration(rng.IntN(96)) * 15 * time.Minute
				qe := (qs + time.Duration(1+rng.IntN(95))*15*time.Minute) % (24 * time.Hour)
				start := change.Add(-time.Duration(2+rng.IntN(28*60)) * time.Minute)
				if err := checkCourse(dstCourse(start, loc, qs, qe), change.Add(30*time.Hour)); err != nil {
					t.Fatalf("%s, clock change at %v, course from %v, quiet %v-%v: %v", name, change, start, qs, qe, err)
				}
				checked++
			}
		}
	}
	t.Logf("%d courses checked", checked)
}

// FuzzQuietHours walks a course with any quiet hours, started near any
// instant, in any zone on this machine; the seed corpus holds the nights
// that once looped or gave a night of no length.
func FuzzQuietHours(f *testing.F) {
	for _, tc := range dstCases {
		start, _ := time.Parse(time.RFC3339, tc.start)
		f.Add(tc.zone, start.Unix(), int(tc.qStart/time.Minute), int(tc.qEnd/time.Minute))
	}
	f.Fuzz(func(t *testing.T, zone string, startUnix int64, qStartMin, qEndMin int) {
		loc, err := time.LoadLocation(zone)
		if err != nil || zone == "" || zone == "Local" {
			t.Skip()
		}
		qs := time.Duration(((qStartMin%1440)+1440)%1440) * time.Minute
		qe := time.Duration(((qEndMin%1440)+1440)%1440) * time.Minute
		if qs == qe {
			t.Skip()
		}
		// Within the years a course is accepted in (see Course.Check).
		start := time.Unix(946684800+((startUnix%(100*365*86400))+100*365*86400)%(100*365*86400), 0)
		if err := checkCourse(dstCourse(start, loc, qs, qe), start.Add(50*time.Hour)); err != nil {
			t.Fatalf("%s from %v, quiet %v-%v: %v", zone, start, qs, qe, err)
		}
	})
}
