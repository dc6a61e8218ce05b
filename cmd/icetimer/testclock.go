//go:build icetimer_testclock

package main

import (
	"os"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/cli"
)

// useTestClock is a test-only build hook (go build -tags
// icetimer_testclock): when ICETIMER_TEST_CLOCK names a file, the wall
// clock is time.Now plus the offset written in it (a Go duration, "1h" or
// "-40s"), read again at every reading, so an end-to-end test can step the
// clock of a running icetimer. libfaketime does nothing to Go binaries,
// which call the kernel directly.
func useTestClock(env *cli.Env) {
	path := os.Getenv("ICETIMER_TEST_CLOCK")
	if path == "" {
		return
	}
	env.Clock = func() time.Time {
		var offset time.Duration
		if data, err := os.ReadFile(path); err == nil {
			offset, _ = time.ParseDuration(strings.TrimSpace(string(data)))
		}
		return time.Now().Add(offset)
	}
}
