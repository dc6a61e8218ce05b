package schedule

import (
	"testing"
	"time"
)

func TestExtendsIsTheSameCourseWithMoreAdded(t *testing.T) {
	c := courseOf(t, "ice 20m, rest 20m", 0)
	paused := withEvents(c, ev(Pause, 5*m))
	scored := paused
	scored.Pain = []PainScore{{At: at(6 * m), Score: 4}}
	other := withEvents(c, ev(Skip, 5*m))
	later := c
	later.Start = c.Start.Add(time.Second)
	for _, tc := range []struct {
		name    string
		c, old  Course
		extends bool
	}{
		{"itself", c, c, true},
		{"an event added", paused, c, true},
		{"a check-in added", scored, paused, true},
		{"an event taken away", c, paused, false},
		{"another event", other, paused, false},
		{"another start", later, c, false},
	} {
		if got := tc.c.Extends(tc.old); got != tc.extends {
			t.Errorf("%s: Extends = %v, want %v", tc.name, got, tc.extends)
		}
	}
}
