package hooks

import "os"

// Under the race detector every process waits a second as it exits
// (GORACE's atexit_sleep_ms), the hook's reaper too, which is this test
// binary run again: every hook would take a second more than the tests'
// limits allow. The reaper inherits this process's environment.
func init() {
	if os.Getenv("GORACE") == "" {
		os.Setenv("GORACE", "atexit_sleep_ms=0")
	}
}
