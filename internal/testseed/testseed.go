// Package testseed gives randomised tests a seed that can be replayed.
package testseed

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// FromEnv is the seed in environment variable name, or one from the clock
// when it is unset. It logs the seed and how to rerun with it.
func FromEnv(t testing.TB, name string) uint64 {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(name); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("%s=%q: %v", name, s, err)
		}
	}
	t.Logf("seed %d (rerun with %s=%d)", seed, name, seed)
	return seed
}
