//go:build !linux && !darwin && !windows

package session

import "time"

// BootClock is not known here: wall-clock steps are told by the resume
// rules alone.
func BootClock() (time.Duration, bool) { return 0, false }
