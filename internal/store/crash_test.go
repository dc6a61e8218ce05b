package store

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/testseed"
)

// crashStart is when the crash test's course starts: the evening before the
// October 2026 daylight-saving change in Berlin, so quiet hours and the
// change are in play.
const crashStart = "2026-10-24T20:00:00+02:00"

// maxCrashEvents bounds the saver in case its parent dies without killing it.
const maxCrashEvents = 5000

func init() {
	// saver appends one event at a time to the course and saves after each,
	// printing "saved N" once the course with N events is on disk.
	helpers["saver"] = func(s *Store) error {
		start, _ := time.Parse(time.RFC3339, crashStart)
		c := testCourse(start, berlinOrLocal())
		for n := 0; n <= maxCrashEvents; n++ {
			if n > 0 {
				c.Events = append(c.Events, nthEvent(start, n-1))
			}
			if err := s.Save(c); err != nil {
				return err
			}
			os.Stdout.WriteString("saved " + strconv.Itoa(n) + "\n")
		}
		return nil
	}
}

func berlinOrLocal() *time.Location {
	if loc, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return loc
	}
	return time.Local
}

// TestCrashWhileSaving kills a process that saves a growing course, at
// random instants, and checks after each kill that the file loads and holds
// exactly the events the process had saved (or the one it was saving), and
// that the engine answers for it as for those events.
func TestCrashWhileSaving(t *testing.T) {
	const kills = 50
	seed := testseed.FromEnv(t, "ICETIMER_CRASH_SEED")
	rng := rand.New(rand.NewPCG(seed, seed))
	start, _ := time.Parse(time.RFC3339, crashStart)
	reference := testCourse(start, berlin(t))
	var total int
	for k := 0; k < kills; k++ {
		dir := t.TempDir()
		h := startHelper(t, "saver", dir)
		h.expect(t, "saved 0")
		time.Sleep(time.Duration(rng.IntN(30_000)) * time.Microsecond)
		if err := h.cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		_ = h.cmd.Wait()
		printed := 0
		for line := range h.lines {
			if n, err := strconv.Atoi(strings.TrimPrefix(line, "saved ")); err == nil {
				printed = n
			}
		}

		s, err := OpenDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Load()
		if err != nil {
			t.Fatalf("seed %d, kill %d: after %d saves the file does not load: %v", seed, k, printed, err)
		}
		n := len(got.Events)
		if n != printed && n != printed+1 {
			t.Fatalf("seed %d, kill %d: file holds %d events, the saver had saved %d", seed, k, n, printed)
		}
		want := reference
		for i := range n {
			want.Events = append(want.Events, nthEvent(start, i))
		}
		for i, e := range got.Events {
			if e.Type != want.Events[i].Type || !e.At.Equal(want.Events[i].At) || e.Amount != want.Events[i].Amount {
				t.Fatalf("seed %d, kill %d: event %d is %+v, want %+v", seed, k, i, e, want.Events[i])
			}
		}
		for _, at := range []time.Duration{0, 30 * time.Minute, 5 * time.Hour, 30 * time.Hour} {
			now := start.Add(time.Duration(n)*47*time.Second + at)
			if g, w := got.StateAt(now), want.StateAt(now); !sameState(g, w) {
				t.Fatalf("seed %d, kill %d: state at %v is %+v, engine says %+v", seed, k, now, g, w)
			}
		}
		release, err := s.Lock()
		if err != nil {
			t.Fatal(err)
		}
		release()
		if temps, _ := filepath.Glob(filepath.Join(dir, "*.tmp-*")); len(temps) > 0 {
			t.Fatalf("temp files left after taking the lock: %v", temps)
		}
		total += n
	}
	t.Logf("%d kills, %d events on disk in all", kills, total)
}

// sameState compares two engine answers, instants by Equal.
func sameState(a, b schedule.State) bool {
	norm := func(s schedule.State) schedule.State {
		for _, t := range []*time.Time{&s.Now, &s.Current.Start, &s.Current.End, &s.Next.Start, &s.Next.End, &s.StageEnds} {
			*t = t.UTC()
		}
		return s
	}
	return reflect.DeepEqual(norm(a), norm(b))
}
