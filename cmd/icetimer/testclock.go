//go:build icetimer_testclock

package main

import (
	"os"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/cli"
	"github.com/icetimer/icetimer/internal/session"
)

// useTestClock is a test-only build hook (go build -tags
// icetimer_testclock): when ICETIMER_TEST_CLOCK names a file, the wall
// clock is time.Now plus the offset written in it, read again at every
// reading, so an end-to-end test can move the clock of a running icetimer.
// The file holds a Go duration, "1h" or "-40s": the wall clock stepped by
// it; a second word "lived" ("2m lived") says that time was lived, as
// through a laptop's sleep: the boot clock moves with it. libfaketime does
// nothing to Go binaries, which call the kernel directly.
func useTestClock(env *cli.Env) {
	path := os.Getenv("ICETIMER_TEST_CLOCK")
	if path == "" {
		return
	}
	read := func() (offset time.Duration, lived bool) {
		if data, err := os.ReadFile(path); err == nil {
			f := strings.Fields(string(data))
			if len(f) > 0 {
				offset, _ = time.ParseDuration(f[0])
			}
			lived = len(f) > 1 && f[1] == "lived"
		}
		return offset, lived
	}
	env.Clock = func() time.Time {
		offset, _ := read()
		return time.Now().Add(offset)
	}
	env.Boot = func() (time.Duration, bool) {
		boot, ok := session.BootClock()
		if offset, lived := read(); lived {
			boot += offset
		}
		return boot, ok
	}
}
