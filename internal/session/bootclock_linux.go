package session

import (
	"time"

	"golang.org/x/sys/unix"
)

// BootClock is the time since boot, suspends included (CLOCK_BOOTTIME).
func BootClock() (time.Duration, bool) {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_BOOTTIME, &ts) != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}
