package session

import (
	"time"

	"golang.org/x/sys/windows"
)

// BootClock is the time since boot, sleeps included (GetTickCount64).
func BootClock() (time.Duration, bool) { return windows.DurationSinceBoot(), true }
