package schedule

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
)

// During is Segments from the start, left to those that overlap the span:
// the one running at from (if it lasts past from), then those starting in it.
func TestPropertyDuringIsSegmentsOverlappingTheSpan(t *testing.T) {
	forRandomCourses(t, 300, func(t *testing.T, r *rand.Rand, c Course) {
		for range 5 {
			from := randomInstant(r, c, propertySpan).Add(-time.Hour)
			to := from.Add(time.Duration(1+r.IntN(48*60)) * time.Minute)
			var want []Segment
			for _, s := range c.Segments(c.Start.Add(-time.Hour), to) {
				if !s.Start.Before(from) || s.End.After(from) {
					want = append(want, s)
				}
			}
			got := slices.Collect(c.During(from, to))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("During(+%v, +%v):\n got %+v\nwant %+v", from.Sub(c.Start), to.Sub(c.Start), got, want)
			}
		}
	})
}
