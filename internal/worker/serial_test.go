package worker

import (
	"errors"
	"testing"
	"time"
)

type job struct {
	block   chan struct{} // the call waits for it; nil returns at once
	started chan struct{} // closed when the call begins
	reply   chan error
}

// call is the jobs' Call: it says it began, then waits for block.
func call(j job) error {
	close(j.started)
	if j.block != nil {
		<-j.block
	}
	return nil
}

func start(t *testing.T, interruptible bool, queue int) *Serial[job] {
	s := Start(Config[job]{Timeout: 50 * time.Millisecond, QueueSize: queue, Interruptible: interruptible,
		Call:   call,
		Answer: func(j job, err error) { j.reply <- err }})
	t.Cleanup(func() { s.Close() })
	return s
}

func put(s *Serial[job], block chan struct{}) chan error {
	j := job{block: block, started: make(chan struct{}), reply: make(chan error, 1)}
	s.Put(j)
	return j.reply
}

// inHand puts a job whose call blocks on block and waits for the call to
// begin: the worker holds it and the queue is empty.
func inHand(t *testing.T, s *Serial[job], block chan struct{}) chan error {
	t.Helper()
	j := job{block: block, started: make(chan struct{}), reply: make(chan error, 1)}
	s.Put(j)
	select {
	case <-j.started:
	case <-time.After(5 * time.Second):
		t.Fatal("the call did not begin within 5 s")
	}
	return j.reply
}

func answer(t *testing.T, c chan error) error {
	t.Helper()
	select {
	case err := <-c:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("no answer within 5 s")
		return nil
	}
}

// A call that outlives the timeout is answered ErrTimeout; while it is
// outstanding nothing else is tried (ErrStuck); once it returns, calls are
// made again.
func TestStuckCallIsTheOnlyOne(t *testing.T) {
	s := start(t, false, 4)
	release := make(chan struct{})
	if err := answer(t, put(s, release)); !errors.Is(err, ErrTimeout) {
		t.Fatalf("first: %v, want ErrTimeout", err)
	}
	if err := answer(t, put(s, nil)); !errors.Is(err, ErrStuck) {
		t.Fatalf("while stuck: %v, want ErrStuck", err)
	}
	close(release)
	for deadline := time.Now().Add(5 * time.Second); ; {
		err := answer(t, put(s, nil))
		if err == nil {
			break
		}
		if !errors.Is(err, ErrStuck) || time.Now().After(deadline) {
			t.Fatalf("after the stuck call returned: %v", err)
		}
	}
}

func TestFullQueueAndCloseAnswerAtOnce(t *testing.T) {
	s := start(t, false, 1)
	release := make(chan struct{})
	held := inHand(t, s, release)
	queued := put(s, nil)
	if err := answer(t, put(s, nil)); !errors.Is(err, ErrQueueFull) {
		t.Fatalf("one too many: %v, want ErrQueueFull", err)
	}
	close(release)
	if err := answer(t, held); err != nil {
		t.Fatalf("in hand: %v", err)
	}
	if err := answer(t, queued); err != nil {
		t.Fatalf("queued: %v", err)
	}
	if !s.Close() || s.Close() {
		t.Fatal("Close must report the first close only")
	}
	if err := answer(t, put(s, nil)); !errors.Is(err, ErrClosed) {
		t.Fatalf("after Close: %v, want ErrClosed", err)
	}
}

// An interruptible worker does not wait for the call in hand on Close.
func TestInterruptibleCloseDoesNotWait(t *testing.T) {
	s := Start(Config[job]{Timeout: time.Hour, QueueSize: 1, Interruptible: true,
		Call:   call,
		Answer: func(j job, err error) { j.reply <- err }})
	block := make(chan struct{})
	defer close(block)
	held := inHand(t, s, block)
	closed := make(chan struct{})
	go func() { s.Close(); close(closed) }()
	if err := answer(t, held); !errors.Is(err, ErrClosed) {
		t.Fatalf("in hand at Close: %v, want ErrClosed", err)
	}
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close waited for the call in hand")
	}
}
