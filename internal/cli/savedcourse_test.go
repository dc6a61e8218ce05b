package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/document"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// savedCourseTest gives a test an Env of its own (its own state
// directory and a clock it sets) and Berlin as the local zone.
type savedCourseTest struct {
	t     *testing.T
	env   *testEnv
	store *store.Store
	loc   *time.Location
}

func newSavedCourseTest(t *testing.T) *savedCourseTest {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	useLocalZone(t, loc)
	st := &savedCourseTest{t: t, env: newTestEnv(t), loc: loc}
	if st.store, err = store.OpenDir(st.env.StateDir); err != nil {
		t.Fatal(err)
	}
	return st
}

func (st *savedCourseTest) at(day, h, m, s int) time.Time {
	return time.Date(2026, 11, day, h, m, s, 0, st.loc)
}

func (st *savedCourseTest) save(c schedule.Course) {
	st.t.Helper()
	if err := st.store.Save(c); err != nil {
		st.t.Fatal(err)
	}
}

// run runs a command line at instant now.
func (st *savedCourseTest) run(now time.Time, args ...string) (code int, stdout, stderr string) {
	st.env.now = now
	return st.env.run(args...)
}

func presetCourse(t *testing.T, id string, start time.Time, quiet bool) schedule.Course {
	t.Helper()
	p, ok := schedule.PresetByID(id)
	if !ok {
		t.Fatalf("no preset %s", id)
	}
	c := schedule.Course{Preset: id, Protocol: p.Protocol, Start: start}
	if quiet {
		c.Quiet, _ = schedule.ParseQuietHours("23:00-07:00", start.Location())
	}
	return c
}

func TestStatusWithoutACourse(t *testing.T) {
	st := newSavedCourseTest(t)
	for _, args := range [][]string{{"status"}, {"status", "--json"}, {"stop"}} {
		code, out, errOut := st.run(st.at(21, 8, 0, 0), args...)
		if code != ExitNoCourse || out != "" || !strings.HasPrefix(errOut, "icetimer: no saved course") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 3 and a message on stderr", args, code, out, errOut)
		}
	}
}

func TestStatusLine(t *testing.T) {
	st := newSavedCourseTest(t)
	start := st.at(21, 8, 0, 0)
	paused := presetCourse(t, "ice-then-heat", start, true)
	paused.Events = []schedule.Event{{Type: schedule.Pause, At: st.at(21, 8, 5, 0)}}
	tests := []struct {
		name   string
		course schedule.Course
		now    time.Time
		want   string
	}{
		{"ice", presetCourse(t, "ice-then-heat", start, true), st.at(21, 8, 7, 56), "ICE 12:04 left, rest at 08:20"},
		{"paused", paused, st.at(21, 9, 0, 0), "ICE paused, 15:00 left"},
		{"quiet", presetCourse(t, "ice-then-heat", start, true), st.at(21, 23, 30, 0), "NIGHT until 07:00, then ice"},
		{"an hour or more", presetCourse(t, "ice-every-3h", start, false), st.at(21, 8, 25, 0), "REST 2:35:00 left, ice at 11:00"},
		{"last phase", presetCourse(t, "ice-20-20", st.at(18, 8, 0, 0), false), st.at(21, 7, 45, 0), "REST 15:00 left, course ends at 08:00"},
		{"done", presetCourse(t, "ice-20-20", st.at(18, 8, 0, 0), false), st.at(21, 9, 0, 0), "DONE, course ended 08:00"},
		{"done days ago", presetCourse(t, "ice-20-20", st.at(10, 8, 0, 0), false), st.at(21, 9, 0, 0), "DONE, course ended Fri 13 Nov 08:00"},
	}
	for _, tt := range tests {
		st.save(tt.course)
		code, out, errOut := st.run(tt.now, "status")
		if code != 0 || out != tt.want+"\n" {
			t.Errorf("%s: exit %d, %q (stderr %q), want %q", tt.name, code, out, errOut, tt.want)
		}
	}
}

// status --json reports what the engine says for the saved course.
func TestStatusJSONMatchesTheEngine(t *testing.T) {
	st := newSavedCourseTest(t)
	c := presetCourse(t, "ice-then-heat", st.at(21, 8, 0, 0), true)
	c.Events = []schedule.Event{
		{Type: schedule.Extend, At: st.at(21, 8, 10, 0), Amount: 5 * time.Minute},
		{Type: schedule.Skip, At: st.at(21, 9, 0, 0)},
		{Type: schedule.Pause, At: st.at(21, 9, 12, 30)},
		{Type: schedule.Resume, At: st.at(21, 9, 20, 0)},
	}
	st.save(c)
	keys := []string{"advice", "ends_at", "kind", "next_kind", "numb", "pain", "paused", "preset", "remaining_seconds", "repeating", "skin_check", "stage", "stage_ends_at", "started_at"}
	instants := []time.Time{st.at(21, 8, 7, 56), st.at(21, 9, 5, 0), st.at(21, 9, 15, 0), st.at(21, 10, 0, 0), st.at(22, 2, 0, 0), st.at(23, 12, 0, 1)}
	for _, now := range instants {
		code, out, errOut := st.run(now, "status", "--json")
		if code != 0 {
			t.Fatalf("at %v: exit %d, %s", now, code, errOut)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		var gotKeys []string
		for k := range got {
			gotKeys = append(gotKeys, k)
		}
		slices.Sort(gotKeys)
		if !slices.Equal(gotKeys, keys) {
			t.Fatalf("keys %v, want %v", gotKeys, keys)
		}
		want := c.StateAt(now)
		check := func(field string, gotV, wantV any) {
			if gotV != wantV {
				t.Errorf("at %v: %s = %v, engine says %v", now, field, gotV, wantV)
			}
		}
		check("preset", got["preset"], c.Preset)
		check("kind", got["kind"], string(want.Current.Kind))
		check("paused", got["paused"], want.Paused)
		check("remaining_seconds", got["remaining_seconds"], math.Ceil(want.Remaining.Seconds()))
		check("ends_at", jsonUnix(t, got["ends_at"]), want.Current.End.Unix())
		check("next_kind", got["next_kind"], string(want.Next.Kind))
		check("stage", got["stage"], float64(want.Current.Stage+1))
		check("stage_ends_at", jsonUnix(t, got["stage_ends_at"]), unixOrZero(want.StageEnds))
		check("started_at", jsonUnix(t, got["started_at"]), c.Start.Unix())
	}
	// After the first 48 hours the heat stage runs until stopped.
	_, out, _ := st.run(st.at(23, 12, 0, 1), "status", "--json")
	if !strings.Contains(out, `"stage_ends_at": null`) || !strings.Contains(out, `"stage": 2`) {
		t.Errorf("in the heat stage: %s", out)
	}
	// A course that is over has nothing to end and nothing next.
	st.save(presetCourse(t, "ice-20-20", st.at(10, 8, 0, 0), true))
	_, out, _ = st.run(st.at(21, 9, 0, 0), "status", "--json")
	for _, want := range []string{`"kind": "done"`, `"ends_at": null`, `"next_kind": null`, `"remaining_seconds": 0`, `"stage_ends_at": null`} {
		if !strings.Contains(out, want) {
			t.Errorf("done course: %s lacks %s", out, want)
		}
	}
}

// jsonUnix reads an RFC 3339 field as Unix seconds; 0 for null.
func jsonUnix(t *testing.T, v any) int64 {
	t.Helper()
	if v == nil {
		return 0
	}
	ts, err := time.Parse(time.RFC3339, v.(string))
	if err != nil {
		t.Fatal(err)
	}
	return ts.Unix()
}

func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func TestStopMovesTheCourseToHistory(t *testing.T) {
	st := newSavedCourseTest(t)
	c := presetCourse(t, "ice-then-heat", st.at(21, 8, 0, 0), true)
	st.save(c)
	stopAt := st.at(21, 8, 30, 0).Add(700 * time.Millisecond)
	code, out, errOut := st.run(stopAt, "stop")
	if code != 0 || !strings.HasPrefix(out, "stopped the ice-then-heat course started 08:00") {
		t.Fatalf("stop: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, _ := st.run(stopAt, "status"); code != ExitNoCourse {
		t.Fatalf("status after stop: exit %d, want 3", code)
	}
	records, _, err := st.store.History()
	if err != nil || len(records) != 1 {
		t.Fatalf("history: %d records, %v", len(records), err)
	}
	r := records[0]
	if r.Reason != store.Stopped || !r.EndedAt.Equal(stopAt.Truncate(time.Second)) {
		t.Fatalf("history record ended %v (%s), want stopped at %v", r.EndedAt, r.Reason, stopAt.Truncate(time.Second))
	}
	if code, _, _ := st.run(stopAt, "stop"); code != ExitNoCourse {
		t.Fatalf("second stop: exit %d, want 3", code)
	}
}

func TestStopRespectsTheLock(t *testing.T) {
	st := newSavedCourseTest(t)
	st.save(presetCourse(t, "ice-20-20", st.at(21, 8, 0, 0), true))
	release, err := st.store.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	code, _, errOut := st.run(st.at(21, 9, 0, 0), "stop")
	if code != ExitFailure || !strings.Contains(errOut, "process "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("stop while locked: exit %d, %q; want 1 and this process's PID", code, errOut)
	}
	if _, err := st.store.Load(); err != nil {
		t.Fatalf("the course must stay saved: %v", err)
	}
	// status only reads, so it works while the lock is held.
	if code, out, _ := st.run(st.at(21, 8, 7, 56), "status"); code != 0 || out != "ICE 12:04 left, rest at 08:20\n" {
		t.Fatalf("status while locked: exit %d, %q", code, out)
	}
}

func TestStatusOfABrokenFile(t *testing.T) {
	st := newSavedCourseTest(t)
	if err := os.WriteFile(st.store.StatePath(), []byte(`{"version": 1, "cour`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := st.run(st.at(21, 8, 0, 0), "status")
	if code != ExitFailure || !strings.Contains(errOut, st.store.StatePath()) || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("status of a broken file: exit %d, %q; want 1 and one line naming the file", code, errOut)
	}
	// status only reads: the file stays for the driving process to move aside.
	if moved, _ := filepath.Glob(st.store.StatePath() + ".broken-*"); len(moved) != 0 {
		t.Fatalf("status moved the broken file aside: %v", moved)
	}
	if _, err := os.Stat(st.store.StatePath()); err != nil {
		t.Fatalf("status removed the broken file: %v", err)
	}
}

// status only reads: with no state directory it says there is no course
// and creates nothing, so the first run's disclaimer is still shown later.
func TestStatusCreatesNothing(t *testing.T) {
	st := newSavedCourseTest(t)
	if err := os.RemoveAll(st.store.Dir()); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"status"}, {"status", "--json"}, {"history"}} {
		code, _, errOut := st.run(st.at(21, 8, 0, 0), args...)
		if _, err := os.Stat(st.store.Dir()); err == nil {
			t.Fatalf("%v (exit %d, %q) created the state directory", args, code, errOut)
		}
	}
}

// Paused time is not time with a pack on: ice 08:00-08:10, paused until
// 08:30, then on until 08:40 counts 20 minutes.
func TestHistoryLeavesOutPausedTime(t *testing.T) {
	st := newSavedCourseTest(t)
	cycle, _ := schedule.ParseCycle("ice 20m, rest 20m")
	c := schedule.Course{Preset: "custom", Protocol: schedule.Protocol{Stages: []schedule.Stage{{Cycle: cycle}}}, Start: st.at(21, 8, 0, 0)}
	c.Events = []schedule.Event{{Type: schedule.Pause, At: st.at(21, 8, 10, 0)}, {Type: schedule.Resume, At: st.at(21, 8, 30, 0)}}
	st.save(c)
	code, out, errOut := st.run(st.at(21, 8, 45, 0), "history", "--days", "1", "--json")
	var got document.History
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
		t.Fatalf("history --json: exit %d, %q, %v", code, errOut, err)
	}
	if d := got.Days[0]; d.IceCount != 1 || d.IceSeconds != 1200 {
		t.Fatalf("history counts %d ice for %d s, want 1 for 1200 s", d.IceCount, d.IceSeconds)
	}
}

// The saved course counts up to now: ice 08:00-08:20 and 08:40-09:00, the
// rest after it not at all.
func TestHistoryCommand(t *testing.T) {
	st := newSavedCourseTest(t)
	cycle, _ := schedule.ParseCycle("ice 20m, rest 20m")
	st.save(schedule.Course{Preset: "custom", Protocol: schedule.Protocol{Stages: []schedule.Stage{{Cycle: cycle}}}, Start: st.at(21, 8, 0, 0)})
	now := st.at(21, 9, 10, 0)

	code, out, errOut := st.run(now, "history", "--days", "2", "--json")
	if code != 0 || errOut != "" {
		t.Fatalf("history --json: exit %d, %q", code, errOut)
	}
	var got document.History
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	none, noLate, noNumb, noPutOns := []document.PainPoint{}, []document.LateRemoval{}, []string{}, []document.PutOnDoc{}
	want := document.History{Days: []document.HistoryDay{
		{Date: "2026-11-20", Pain: none, LateRemovals: noLate, Numb: noNumb, UnconfirmedPutOns: noPutOns},
		// Ice off at 08:20 and 09:00, neither acknowledged.
		{Date: "2026-11-21", IceCount: 2, IceSeconds: 2400, Started: 1, Pain: none, LateRemovals: noLate, Removals: 2, Unanswered: 2, Numb: noNumb, UnconfirmedPutOns: noPutOns},
	}}
	if !reflect.DeepEqual(got.Days, want.Days) {
		t.Fatalf("history --json = %+v, want %+v", got, want)
	}

	code, out, _ = st.run(now, "history")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 8 || !strings.HasPrefix(lines[7], "Sat 21 Nov  2 times, 40 min in all") {
		t.Fatalf("history: exit %d, %q", code, out)
	}

	if code, _, errOut := st.run(now, "history", "--days", "0"); code != ExitUsage || !strings.Contains(errOut, "--days") {
		t.Fatalf("history --days 0: exit %d, %q; want 2", code, errOut)
	}

	// A torn history line is a warning, not a failure.
	if err := os.WriteFile(st.store.HistoryPath(), []byte(`{"version": 1, "ended_at": "2026-11`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = st.run(now, "history", "--days", "1")
	if code != 0 || !strings.Contains(errOut, "warning") || !strings.Contains(out, "2 times, 40 min in all") {
		t.Fatalf("history with a torn line: exit %d, %q, %q", code, out, errOut)
	}
}
