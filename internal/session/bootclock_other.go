//go:build !linux && !darwin && !windows

package session

import "time"

// bootClock is not known here: wall-clock steps are told by the resume
// rules alone.
func bootClock() (time.Duration, bool) { return 0, false }
