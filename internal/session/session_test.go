package session

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/remind"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

var testStart = time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)

// iceCourse is ice 20m, rest 20m for 72 h, quiet hours off, from start.
func iceCourse(start time.Time) schedule.Course {
	return schedule.Course{Preset: "custom", Start: start, Protocol: schedule.Protocol{Stages: []schedule.Stage{{
		Cycle:  schedule.Cycle{{Kind: schedule.Ice, Duration: 20 * time.Minute}, {Kind: schedule.Rest, Duration: 20 * time.Minute}},
		Window: 72 * time.Hour,
	}}}}
}

// openAt opens a session on dir with a clock the test sets (returned).
func openAt(t *testing.T, dir string, now time.Time) (*Session, *time.Time) {
	t.Helper()
	clock := new(time.Time)
	*clock = now
	s, err := Open(dir, Options{Clock: func() time.Time { return *clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s, clock
}

func TestFirstRunIsTheDirectoryBeingMade(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "icetimer")
	s, _ := openAt(t, dir, testStart)
	if !s.FirstRun {
		t.Fatal("a new state directory is not a first run")
	}
	s.Close()
	again, _ := openAt(t, dir, testStart)
	if again.FirstRun {
		t.Fatal("the second open is still a first run")
	}
}

func TestASecondDriverIsRefusedNamingTheFirst(t *testing.T) {
	dir := t.TempDir()
	openAt(t, dir, testStart)
	_, err := Open(dir, Options{})
	var locked *store.LockedError
	if !errors.As(err, &locked) || locked.PID != os.Getpid() {
		t.Fatalf("second open: %v, want a LockedError naming this process", err)
	}
}

// Resuming tells what was missed since the last announcement, or since the
// start when none was recorded.
func TestResumeCatchesUpFromTheLastAnnouncement(t *testing.T) {
	dir := t.TempDir()
	s, clock := openAt(t, dir, testStart)
	c := iceCourse(testStart)
	if err := s.Start(c); err != nil {
		t.Fatal(err)
	}
	r, err := s.Resume()
	if err != nil || !r.Since.Equal(testStart) || r.Over {
		t.Fatalf("resume with nothing announced: %+v, %v; want since the start", r, err)
	}
	through := testStart.Add(20 * time.Minute)
	if err := s.Announced(through); err != nil {
		t.Fatal(err)
	}
	*clock = testStart.Add(2 * time.Hour)
	r, err = s.Resume()
	if err != nil || !r.Since.Equal(through) {
		t.Fatalf("resume: %+v, %v; want since %v", r, err, through)
	}
	missed := r.Course.Transitions(r.Since.Add(time.Nanosecond), *clock)
	if len(missed) != 4 { // 08:40, 09:00, 09:20, 09:40
		t.Fatalf("missed %d changes, want 4", len(missed))
	}
}

// A marker from a clock that was ahead (issue 10) would silence every
// change up to it: resuming tells from the start instead.
func TestResumeDistrustsAMarkerInTheFuture(t *testing.T) {
	s, clock := openAt(t, t.TempDir(), testStart)
	if err := s.Start(iceCourse(testStart)); err != nil {
		t.Fatal(err)
	}
	*clock = testStart.Add(time.Hour)
	if err := s.Announced(testStart.Add(30 * time.Hour)); err != nil {
		t.Fatal(err)
	}
	r, err := s.Resume()
	if err != nil || !r.Since.Equal(testStart) {
		t.Fatalf("resume: since %v, %v; want since the start, %v", r.Since, err, testStart)
	}
	// Within remind.StepSlack it is an ordinary clock correction: trusted.
	near := clock.Add(remind.StepSlack / 2)
	if err := s.Announced(near); err != nil {
		t.Fatal(err)
	}
	if r, _ = s.Resume(); !r.Since.Equal(near) {
		t.Fatalf("resume: since %v, want the marker %v", r.Since, near)
	}
}

// A course that ended while nothing ran goes to history on resume.
func TestResumeOfACourseThatIsOver(t *testing.T) {
	s, clock := openAt(t, t.TempDir(), testStart)
	if err := s.Start(iceCourse(testStart)); err != nil {
		t.Fatal(err)
	}
	*clock = testStart.Add(80 * time.Hour)
	r, err := s.Resume()
	if err != nil || !r.Over {
		t.Fatalf("resume after the end: %+v, %v; want over", r, err)
	}
	if _, err := s.Resume(); !errors.Is(err, store.ErrNoCourse) {
		t.Fatalf("after it went to history: %v, want no course", err)
	}
	records, _, _ := s.Store().History()
	if len(records) != 1 || records[0].Reason != store.Finished {
		t.Fatalf("history %+v, want the finished course", records)
	}
}

func TestStartReplacesASavedCourseAndForgetsItsAnnouncements(t *testing.T) {
	s, _ := openAt(t, t.TempDir(), testStart)
	if err := s.Start(iceCourse(testStart)); err != nil {
		t.Fatal(err)
	}
	if err := s.Announced(testStart.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	later := testStart.Add(2 * time.Hour)
	if err := s.Start(iceCourse(later)); err != nil {
		t.Fatal(err)
	}
	r, err := s.Resume()
	if err != nil || !r.Course.Start.Equal(later) || !r.Since.Equal(later) {
		t.Fatalf("resume: %+v, %v; want the new course from its start", r, err)
	}
	records, _, _ := s.Store().History()
	if len(records) != 1 || records[0].Reason != store.Replaced {
		t.Fatalf("history %+v, want the replaced course", records)
	}
	// Started again within the same second: still one course.
	if err := s.Start(iceCourse(later)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Resume(); err != nil {
		t.Fatalf("the same course started twice reads as %v", err)
	}
}

func TestStopMovesTheCourseToHistory(t *testing.T) {
	s, clock := openAt(t, t.TempDir(), testStart)
	if err := s.Start(iceCourse(testStart)); err != nil {
		t.Fatal(err)
	}
	*clock = testStart.Add(30*time.Minute + 500*time.Millisecond)
	c, over, err := s.Stop()
	if err != nil || over {
		t.Fatalf("stop: over %v, %v", over, err)
	}
	if e := c.Events[len(c.Events)-1]; e.Type != schedule.Stop || !e.At.Equal(testStart.Add(30*time.Minute)) {
		t.Fatalf("stop recorded %+v, want a stop at the whole second", e)
	}
	if _, _, err := s.Stop(); !errors.Is(err, store.ErrNoCourse) {
		t.Fatalf("a second stop: %v, want no course", err)
	}
}

// A crash after the course reached history but before state.json went
// (Archive cut short) reads as no course, and the next start repairs it.
func TestCrashBetweenHistoryAndRemoval(t *testing.T) {
	dir := t.TempDir()
	s, _ := openAt(t, dir, testStart)
	c := iceCourse(testStart)
	if err := s.Start(c); err != nil {
		t.Fatal(err)
	}
	state, _ := os.ReadFile(s.Store().StatePath())
	if err := s.Store().Archive(c, testStart.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Store().StatePath(), state, 0o600); err != nil { // the removal that did not happen
		t.Fatal(err)
	}
	if _, err := s.Resume(); !errors.Is(err, store.ErrNoCourse) {
		t.Fatalf("resume after the cut-short archive: %v, want no course", err)
	}
	if err := s.Start(iceCourse(testStart.Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	if records, _, _ := s.Store().History(); len(records) != 1 {
		t.Fatalf("history has %d courses, want the one course once", len(records))
	}
}

// Running is what `start` refuses to replace without --replace.
func TestRunningIsASavedCourseNotOver(t *testing.T) {
	s, clock := openAt(t, t.TempDir(), testStart)
	if _, ok := s.Running(); ok {
		t.Fatal("running with nothing saved")
	}
	c := iceCourse(testStart)
	c.Protocol.Stages[0].Window = time.Hour
	if err := s.Start(c); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Running(); !ok {
		t.Fatal("a course just started is not running")
	}
	*clock = testStart.Add(2 * time.Hour)
	if _, ok := s.Running(); ok {
		t.Fatal("a course that is over is running")
	}
}
