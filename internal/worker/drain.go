// Package worker holds what icetimer's background workers (phone push,
// hooks) share about stopping.
package worker

import "time"

// Drain waits for done (the worker finished what was queued) for at most
// d, then calls giveUp (which makes what is left fail at once) and waits
// for done again: whatever was asked just before a process exits still
// gets its chance, and nothing holds the process longer than d and what
// giving up takes.
func Drain(done <-chan struct{}, d time.Duration, giveUp func()) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
		giveUp()
		<-done
	}
}
