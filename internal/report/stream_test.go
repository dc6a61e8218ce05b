package report

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/advice"
	"github.com/icetimer/icetimer/internal/report/reporttest"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/testhistory"
)

// Read, counting the courses one at a time as history is read from its
// end, gives what Days gives for the same courses in the file's order.
func TestReadCountsWhatDaysCounts(t *testing.T) {
	records, now := reporttest.Sample()
	s, err := store.OpenDir(filepath.Join(t.TempDir(), "icetimer"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Archive(records[0].Course, records[0].EndedAt); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(records[1].Course); err != nil {
		t.Fatal(err)
	}
	got, warnings, err := Read(s, now, 3, time.UTC)
	if err != nil || len(warnings) > 0 {
		t.Fatal(warnings, err)
	}
	if want := Days(records, now, 3, time.UTC); !reflect.DeepEqual(got, want) {
		t.Errorf("Read:\n%+v\nDays:\n%+v", got, want)
	}
	if g, want := Given(s, now), advice.For(records, now); !reflect.DeepEqual(g, want) {
		t.Errorf("Given = %+v, advice.For %+v", g, want)
	}
}

// writeHistory writes n courses every apart, the last ending at now
// (testhistory: each with two check-ins, 6 then 5), and a course running.
func writeHistory(t testing.TB, n int, every time.Duration, now time.Time) *store.Store {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "icetimer")
	if _, err := testhistory.Write(dir, testhistory.Spec{Courses: n, Every: every, Now: now}); err != nil {
		t.Fatal(err)
	}
	return store.ReadOnly(dir)
}

// The advice reads back no further than its reach, however many courses
// the last weeks hold; the screen still counts all of today's. Each course
// of testhistory has an ice application with 6 before and 5 after: the
// third measured one calls for "cold does not help", at the third course
// the advice reads.
func TestTheAdviceReadsBackAsFarAsItsReach(t *testing.T) {
	now := time.Date(2026, 11, 21, 23, 0, 0, 0, time.UTC)
	s := writeHistory(t, 3000, 25*time.Second, now) // some 1.7 MB today
	earlier := ReadEarlier(s, now)
	if len(earlier.Today) != 3000 {
		t.Fatalf("today: %d courses, want all 3000", len(earlier.Today))
	}
	courseOf := func(given []advice.Given) int {
		for _, g := range given {
			if g.Rule == advice.ColdNotHelping {
				for i, r := range earlier.Today {
					if r.Course.Start.Equal(g.CourseStart) {
						return i
					}
				}
			}
		}
		return -1
	}
	all, bounded := courseOf(advice.For(earlier.Today, now)), courseOf(Given(s, now))
	t.Logf("cold-not-helping: at course %d reading all of history, at course %d within the reach", all, bounded)
	if all != 2 || bounded < 1000 || bounded > 2500 {
		t.Errorf("cold-not-helping at course %d (all) and %d (the reach), want 2 and the third of the last 1 MB", all, bounded)
	}
	if got := courseOf(earlier.Advice.With(store.Record{Course: earlier.Today[2999].Course}, now)); got != bounded {
		t.Errorf("the screen's advice: at course %d, want %d as Given", got, bounded)
	}
}

// Thousands of courses in one day are counted in time linear in them:
// each day's check-ins were sorted again at each one, and 8,000 courses
// took seconds.
func TestADayOfThousandsOfCoursesIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("times days of 2,000 and 8,000 courses")
	}
	now := time.Date(2026, 11, 21, 23, 0, 0, 0, time.UTC)
	took := map[int]time.Duration{}
	for _, n := range []int{2000, 8000} {
		s := writeHistory(t, n, 20*time.Hour/time.Duration(n), now)
		took[n] = time.Duration(1<<63 - 1)
		for range 3 {
			start := time.Now()
			days, _, err := Read(s, now, 1, time.UTC)
			took[n] = min(took[n], time.Since(start))
			if err != nil || days[0].Started != n || len(days[0].Pain) != 2*n {
				t.Fatalf("%d courses: started %d, %d check-ins, %v", n, days[0].Started, len(days[0].Pain), err)
			}
		}
	}
	t.Logf("a day of 2,000 courses read and counted in %s; of 8,000 in %s (x%.1f)", took[2000], took[8000], float64(took[8000])/float64(took[2000]))
	if took[8000] > 8*took[2000]+100*time.Millisecond {
		t.Errorf("four times the courses took %.1f times as long", float64(took[8000])/float64(took[2000]))
	}
}

// BenchmarkReadADayOf5000Courses is `icetimer history --days 1` over a
// day of 5,000 courses.
func BenchmarkReadADayOf5000Courses(b *testing.B) {
	now := time.Date(2026, 11, 21, 23, 0, 0, 0, time.UTC)
	s := writeHistory(b, 5000, 20*time.Hour/5000, now)
	for b.Loop() {
		if _, _, err := Read(s, now, 1, time.UTC); err != nil {
			b.Fatal(err)
		}
	}
}
