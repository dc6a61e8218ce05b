package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/cli"
	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/testseed"
)

// TestRunSurvivesKills starts `icetimer run` again and again in one state
// directory, alternately on a new course (which moves the previous one to
// history) and resuming the saved one, and kills it with SIGKILL at a random
// instant, start-up writes included. After each kill the saved course, the
// history and the reminders printed must be what the engine says for the
// writes that were made: nothing lost, nothing half-written, nothing repeated.
func TestRunSurvivesKills(t *testing.T) {
	seed := testseed.FromEnv(t, "ICETIMER_CRASH_SEED")
	t.Run("run only", func(t *testing.T) {
		newKillTest(t, seed, false).run(t, 50)
	})
	t.Run("with events", func(t *testing.T) {
		newKillTest(t, seed+1, true).run(t, 30)
	})
	// Issue 9: the kill lands right after a reminder line, between the
	// desktop's answer and the progress record or just after it: the next
	// run tells that change again at most, never loses it.
	t.Run("right after a reminder", func(t *testing.T) {
		k := newKillTest(t, seed+2, false)
		k.afterLine = true
		k.run(t, 50)
	})
}

// killTest is what the test knows of the state directory: what it saw saved
// and what history must hold.
type killTest struct {
	dir    string
	s      *store.Store
	rng    *rand.Rand
	seed   uint64
	events bool // add events to the saved course before resuming
	// afterLine kills as soon as a reminder line is read, not at random.
	afterLine bool
	history   []schedule.Course // the courses history must hold, oldest first
	kills     struct{ early, archived, reminded, repeated int }
	// lastTold is the instant of the last reminder line the previous run
	// printed, for counting what a resume tells again.
	lastTold time.Time
}

func newKillTest(t *testing.T, seed uint64, events bool) *killTest {
	dir := t.TempDir()
	return &killTest{dir: dir, s: openTestStore(t, dir), rng: rand.New(rand.NewPCG(seed, seed)), seed: seed, events: events}
}

// saved is state.json's bytes (nil when there is none) and the course it
// holds, if it loads as the saved course.
type saved struct {
	raw    []byte
	course schedule.Course
	ok     bool
}

func (k *killTest) saved(t *testing.T) saved {
	t.Helper()
	raw, err := os.ReadFile(k.s.StatePath())
	if errors.Is(err, os.ErrNotExist) {
		return saved{}
	}
	if err != nil {
		t.Fatal(err)
	}
	c, err := k.s.Load()
	if err != nil && !errors.Is(err, store.ErrNoCourse) {
		t.Fatalf("%s: saved course does not load: %v", k.where(), err)
	}
	return saved{raw: raw, course: c, ok: err == nil}
}

func (k *killTest) where() string { return fmt.Sprintf("seed %d", k.seed) }

func (k *killTest) run(t *testing.T, kills int) {
	began := time.Now()
	for i := range kills {
		before := k.saved(t)
		// A course lasts 30 s; resume only one well short of its end, so that
		// run never moves it to history itself.
		resume := i%2 == 1 && before.ok && time.Since(before.course.Start) < 20*time.Second
		if resume && k.events {
			before = k.addEvent(t, before)
		}
		stale := k.plantTemps(t, i)
		marker, _ := k.s.Reminded()

		args := []string{"run", "--cycle", shortCycle, "--window", "30s", "--quiet", "off"}
		if resume {
			args = []string{"run"}
		}
		p := startIcetimer(t, k.dir, args...)
		var lines []timedLine
		if k.afterLine {
			if l, ok := p.nextReminder(5 * time.Second); ok {
				lines = append(lines, l)
			}
		} else {
			time.Sleep(k.killDelay())
		}
		lines = append(lines, p.kill(t)...)
		killed := time.Now()
		where := fmt.Sprintf("%s, kill %d (%s after %v)", k.where(), i, strings.Join(args, " "), killed.Sub(p.started).Round(time.Millisecond))

		after := k.saved(t)
		if resume {
			k.checkResumed(t, where, before, after, marker, lines)
		} else {
			k.checkReplaced(t, where, before, after, p.started, killed, lines)
		}
		k.checkStatus(t, where, after)
		k.checkHistory(t, where)
		k.checkMarker(t, where, killed)
		if len(lines) > 0 { // it printed, so it holds the lock: it must have cleaned up
			for _, f := range stale {
				if _, err := os.Stat(f); err == nil {
					t.Fatalf("%s: temp file %s still there after run took the lock", where, filepath.Base(f))
				}
			}
		}
		if len(lines) > 0 {
			k.kills.reminded++
			if at, ok := reminderInstant(lines[0].text, lines[0].at); ok && resume && at.Equal(k.lastTold) {
				k.kills.repeated++ // at most this one: the checks above allow no other
			}
			if at, ok := reminderInstant(lines[len(lines)-1].text, lines[len(lines)-1].at); ok {
				k.lastTold = at
			}
		}
	}
	// A clean end: stop takes the lock, and nothing temporary is left.
	if _, stderr, code := runIcetimer(t, k.dir, "stop"); code != 0 && code != cli.ExitNoCourse {
		t.Fatalf("%s: stop after the kills: exit %d, %s", k.where(), code, stderr)
	}
	if temps, _ := filepath.Glob(filepath.Join(k.s.Dir(), "*.tmp-*")); len(temps) > 0 {
		t.Fatalf("%s: temp files left after stop took the lock: %v", k.where(), temps)
	}
	t.Logf("%d kills in %v: %d before the new course was saved, %d between archive and save, %d after reminders (%d resumes told the last change again); %d courses in history",
		kills, time.Since(began).Round(time.Millisecond), k.kills.early, k.kills.archived, k.kills.reminded, k.kills.repeated, len(k.history))
}

// killDelay is how long a run lives: up to 400 ms, and a third of the time
// within its first 15 ms, where it takes the lock and writes the course (a
// run prints its first reminder some 8 ms after it is started).
func (k *killTest) killDelay() time.Duration {
	limit := 400_000
	if k.rng.IntN(3) == 0 {
		limit = 15_000
	}
	return time.Duration(k.rng.IntN(limit+1)) * time.Microsecond
}

// plantTemps leaves in the state directory the temp files a writer killed
// between creating and renaming them would leave, and returns every temp
// file there now: the next process to take the lock must remove them.
func (k *killTest) plantTemps(t *testing.T, i int) []string {
	t.Helper()
	for _, name := range []string{"state.json.tmp-planted", "reminded.tmp-planted"} {
		if err := os.WriteFile(filepath.Join(k.s.Dir(), name+strconv.Itoa(i)), []byte("{"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	temps, _ := filepath.Glob(filepath.Join(k.s.Dir(), "*.tmp-*"))
	return temps
}

// addEvent records an event in the saved course as the screen would,
// holding the lock, and returns what is saved then.
func (k *killTest) addEvent(t *testing.T, cur saved) saved {
	t.Helper()
	release, err := k.s.Lock()
	if err != nil {
		t.Fatalf("%s: lock between runs: %v", k.where(), err)
	}
	defer release()
	c := cur.course
	at := time.Now().Truncate(time.Second)
	e := schedule.Event{Type: schedule.Skip, At: at}
	switch {
	case c.StateAt(at).Paused:
		e.Type = schedule.Resume
	case k.rng.IntN(3) == 0:
		e.Type = schedule.Pause
	case k.rng.IntN(2) == 0:
		e = schedule.Event{Type: schedule.Extend, At: at, Amount: 2 * time.Second}
	}
	c.Events = append(c.Events, e)
	if err := k.s.Save(c); err != nil {
		t.Fatal(err)
	}
	return k.saved(t)
}

// checkResumed: a resumed course is read, never rewritten, and its first
// reminder tells exactly the changes since the last one announced.
func (k *killTest) checkResumed(t *testing.T, where string, before, after saved, marker time.Time, lines []timedLine) {
	t.Helper()
	if !bytes.Equal(before.raw, after.raw) {
		t.Fatalf("%s: resume changed the saved course:\nbefore %s\nafter  %s", where, before.raw, after.raw)
	}
	if len(lines) == 0 {
		return
	}
	c := before.course
	since := c.Start
	if marker.After(since) {
		since = marker
	}
	checkFirstReminder(t, where, c, since, lines[0])
}

// checkFirstReminder checks that line is the one reminder for c's changes
// from since up to the instant the line is for: a catch-up counting them
// when there are several.
func checkFirstReminder(t *testing.T, where string, c schedule.Course, since time.Time, line timedLine) {
	t.Helper()
	at, ok := reminderInstant(line.text, line.at)
	if !ok {
		t.Fatalf("%s: first line %q is not a reminder", where, line.text)
	}
	// The one announce rule: the person's own skips are never announced.
	announcer := remind.NewAnnouncer(since)
	ts := announcer.Due(c, at)
	if len(ts) == 0 || !ts[len(ts)-1].At.Equal(at) {
		t.Fatalf("%s: first line %q is for %v, but the engine has no change there after %v (already announced)", where, line.text, at, since)
	}
	missed := strings.Contains(line.text, "Missed ")
	want := fmt.Sprintf("Missed %d changes while away.", len(ts))
	if len(ts) > 1 && !strings.Contains(line.text, want) || len(ts) == 1 && missed {
		t.Fatalf("%s: first line %q; the engine has %d changes from %v to %v", where, line.text, len(ts), since, at)
	}
}

// checkReplaced: starting a course moves the previous one to history, then
// saves the new one; a kill may fall between any two of those writes.
func (k *killTest) checkReplaced(t *testing.T, where string, before, after saved, started, killed time.Time, lines []timedLine) {
	t.Helper()
	hist := k.readHistory(t, where)
	archived := len(hist) == len(k.history)+1
	switch {
	case archived && before.ok && sameCourses(hist[len(hist)-1].Course, before.course):
		k.history = append(k.history, before.course)
	case len(hist) != len(k.history):
		t.Fatalf("%s: history has %d courses, want %d or the previous course added", where, len(hist), len(k.history))
	}
	// The course this run starts; the very same one may be saved already,
	// started by the run before within the same second.
	isNew := after.ok && len(after.course.Events) == 0 && after.course.Preset == "custom" &&
		!after.course.Start.Before(started.Truncate(time.Second)) && !after.course.Start.After(killed) &&
		schedule.FormatCycle(after.course.Protocol.Stages[0].Cycle) == schedule.FormatCycle(mustCycle(t, shortCycle))
	switch {
	case isNew:
		if len(lines) > 0 {
			checkFirstReminder(t, where, after.course, after.course.Start, lines[0])
		}
	case archived:
		k.kills.archived++
		if after.ok {
			t.Fatalf("%s: the previous course is in history and still the saved course", where)
		}
	case bytes.Equal(before.raw, after.raw) && before.ok == after.ok: // nothing written yet
		k.kills.early++
	default:
		t.Fatalf("%s: unexpected saved course\nbefore %s\nafter  %s", where, before.raw, after.raw)
	}
	if len(lines) > 0 && !isNew {
		t.Fatalf("%s: run printed %q but the course it started is not saved", where, lines[0].text)
	}
}

func mustCycle(t *testing.T, spec string) schedule.Cycle {
	c, err := schedule.ParseCycle(spec)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sameCourses compares two courses as they are written down.
func sameCourses(a, b schedule.Course) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return a.Start.Equal(b.Start) && len(a.Events) == len(b.Events) && bytes.Equal(ja, jb)
}

// checkStatus: status --json answers as the engine does for the saved
// course, and exit 3 exactly when there is none.
func (k *killTest) checkStatus(t *testing.T, where string, cur saved) {
	t.Helper()
	before := time.Now()
	out, stderr, code := runIcetimer(t, k.dir, "status", "--json")
	after := time.Now()
	switch {
	case !cur.ok && code == cli.ExitNoCourse:
		return
	case !cur.ok || code != 0:
		t.Fatalf("%s: status --json exit %d (%s), saved course loads: %v", where, code, strings.TrimSpace(stderr), cur.ok)
	}
	if got, ok := matchesEngine([]byte(out), cur.course, before, after); !ok {
		t.Fatalf("%s: status --json says %s\n%+v\nengine at %v: %+v", where, out, got, before, engineReport(cur.course, before))
	}
}

// readHistory reads history as `history` does, and checks that only its
// last line may be torn.
func (k *killTest) readHistory(t *testing.T, where string) []store.Record {
	t.Helper()
	raw, err := os.ReadFile(k.s.HistoryPath())
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	lines := bytes.Split(raw, []byte("\n"))
	for n, l := range lines[:len(lines)-1] { // the part after the last newline may be torn
		if !json.Valid(l) {
			t.Fatalf("%s: history line %d is torn: %q", where, n+1, l)
		}
	}
	records, warnings, err := k.s.History()
	if err != nil {
		t.Fatalf("%s: history: %v", where, err)
	}
	if len(warnings) > 0 && len(lines[len(lines)-1]) == 0 {
		t.Fatalf("%s: history warnings with no torn last line: %v", where, warnings)
	}
	return records
}

// checkHistory: history holds exactly the courses moved there, in order.
func (k *killTest) checkHistory(t *testing.T, where string) {
	t.Helper()
	hist := k.readHistory(t, where)
	if len(hist) != len(k.history) {
		t.Fatalf("%s: history has %d courses, want %d", where, len(hist), len(k.history))
	}
	for i, r := range hist {
		if !sameCourses(r.Course, k.history[i]) {
			t.Fatalf("%s: history course %d started %v with %d events, want started %v with %d", where, i+1,
				r.Course.Start, len(r.Course.Events), k.history[i].Start, len(k.history[i].Events))
		}
	}
}

// checkMarker: the reminded marker, when there is one, reads back and is
// not in the future.
func (k *killTest) checkMarker(t *testing.T, where string, killed time.Time) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(k.s.Dir(), "reminded"))
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	m, ok := k.s.Reminded()
	if err != nil || !ok {
		t.Fatalf("%s: reminded marker %q does not read back: %v", where, raw, err)
	}
	if m.After(killed.Add(time.Second)) {
		t.Fatalf("%s: reminded marker %v is after the kill at %v", where, m, killed)
	}
}
