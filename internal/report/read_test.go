package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// Gather reads history once for the days, the heat count and the advice:
// the courses that ran in the days (not one that ended before them), the
// advice status and pain give (Given), and the safety answers.
func TestGatherReadsTheCoursesAdviceAndSafetyAnswers(t *testing.T) {
	loc := berlin(t)
	now := time.Date(2026, 11, 21, 12, 0, 0, 0, loc)
	s, err := store.OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	old := custom(t, "ice 20m, rest 20m", now.AddDate(0, 0, -30))
	old.Pain = []schedule.PainScore{{At: old.Start, Score: 9}}
	recent := custom(t, "heat 20m, rest 20m", now.AddDate(0, 0, -2))
	recent.Pain = []schedule.PainScore{{At: recent.Start, Score: 8}, {At: recent.Start.Add(5 * time.Hour), Score: 5}}
	saved := custom(t, "ice 20m, rest 20m", now.Add(-time.Hour))
	for _, c := range []schedule.Course{old, recent} {
		end := c.Start.Add(6 * time.Hour)
		if err := s.Archive(stopped(c, end), end); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Save(saved); err != nil {
		t.Fatal(err)
	}
	answers := safety.Answers{At: now.Add(-time.Hour), Yes: map[safety.ID]bool{safety.Raynaud: true, safety.BrokenSkin: false}}
	if err := s.SaveSafety(answers); err != nil {
		t.Fatal(err)
	}

	sum, warnings, err := Gather(store.ReadOnly(s.Dir()), now, 7, loc)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("Gather: %v, warnings %v", err, warnings)
	}
	if len(sum.Courses) != 2 || !sum.Courses[0].Course.Start.Equal(recent.Start) || !sum.Courses[1].EndedAt.IsZero() {
		t.Errorf("courses %+v, want the recent one and the saved one", sum.Courses)
	}
	if !sum.Safety.Taken() || !sum.Safety.Yes[safety.Raynaud] || len(sum.Safety.Yes) != 2 {
		t.Errorf("safety answers %+v, want %+v", sum.Safety, answers)
	}
	given := Given(s, now)
	if len(sum.Advice) != len(given) || len(given) == 0 {
		t.Fatalf("advice %+v, want Given's %+v", sum.Advice, given)
	}
	for i := range given {
		if sum.Advice[i].Rule != given[i].Rule || !sum.Advice[i].At.Equal(given[i].At) {
			t.Errorf("advice %d: %+v, want %+v", i, sum.Advice[i], given[i])
		}
	}
	if got := sum.Days[len(sum.Days)-3].Heat.Count; got != 9 {
		t.Errorf("two days back: %d heat applications, want 9 (6 hours of 40-minute cycles)", got)
	}

	// Answers that cannot be read are a warning, and read as not answered.
	if err := os.WriteFile(filepath.Join(s.Dir(), "safety.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	sum, warnings, err = Gather(store.ReadOnly(s.Dir()), now, 7, loc)
	if err != nil || len(warnings) != 1 || !strings.Contains(warnings[0], "icetimer check") || sum.Safety.Taken() {
		t.Fatalf("broken answers: %v, warnings %q, safety %+v", err, warnings, sum.Safety)
	}
}
