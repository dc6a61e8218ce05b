package session

import (
	"time"

	"golang.org/x/sys/unix"
)

// BootClock is the time since boot, sleeps included: macOS's
// CLOCK_MONOTONIC runs on while the system sleeps.
func BootClock() (time.Duration, bool) {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts) != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}
