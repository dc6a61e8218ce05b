package session

import (
	"time"

	"golang.org/x/sys/windows"
)

// bootClock is the time since boot, sleeps included (GetTickCount64).
func bootClock() (time.Duration, bool) { return windows.DurationSinceBoot(), true }
