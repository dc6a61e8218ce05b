package schedule

import (
	"testing"
	"time"
)

// A removal waits until the next change, and half an hour past the end of
// a course that ends with a pack on, as Waiting says.
func TestWaitsUntil(t *testing.T) {
	m := time.Minute
	for _, tc := range []struct {
		cycle   string
		removal time.Time
		want    time.Time
	}{
		{"ice 20m, rest 20m", at(20 * m), at(40 * m)},
		{"ice 20m, rest 20m", at(60 * m), at(80 * m)},
		{"rest 20m, ice 20m", at(80 * m), at(80 * m).Add(endWaitsFor)}, // the course ends with the ice
	} {
		c := courseOf(t, tc.cycle, 80*m)
		w, waits := c.Waiting(tc.removal)
		if !waits || !w.At.Equal(tc.removal) {
			t.Fatalf("%s at %v: waiting %v %v, want the removal", tc.cycle, tc.removal, w, waits)
		}
		got := c.WaitsUntil(w)
		if !got.Equal(tc.want) {
			t.Errorf("%s: the removal at %v waits until %v, want %v", tc.cycle, tc.removal, got, tc.want)
		}
		if _, still := c.Waiting(got.Add(-time.Nanosecond)); !still {
			t.Errorf("%s: the removal at %v stopped waiting before %v", tc.cycle, tc.removal, got)
		}
		if w, still := c.Waiting(got.Add(time.Nanosecond)); still && w.At.Equal(tc.removal) {
			t.Errorf("%s: the removal at %v still waits after %v", tc.cycle, tc.removal, got)
		}
	}
}
