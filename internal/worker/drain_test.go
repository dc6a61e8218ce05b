package worker

import (
	"testing"
	"time"
)

func TestDrainWaitsThenGivesUp(t *testing.T) {
	done := make(chan struct{})
	close(done)
	Drain(done, time.Hour, func() { t.Fatal("gave up on a worker that was done") })

	stuck := make(chan struct{})
	gaveUp := false
	Drain(stuck, time.Millisecond, func() { gaveUp = true; close(stuck) })
	if !gaveUp {
		t.Fatal("did not give up")
	}
}
