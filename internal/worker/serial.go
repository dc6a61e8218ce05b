package worker

import (
	"errors"
	"time"
)

// What a Serial answers a job with when its call was not made, or not
// waited for; its owner words them for its callers.
var (
	// ErrTimeout: the call did not return within the timeout (it may still).
	ErrTimeout = errors.New("timed out")
	// ErrStuck: an earlier call that timed out has not returned yet, so
	// this one was not tried.
	ErrStuck = errors.New("an earlier call is still stuck")
	// ErrQueueFull: too many jobs were waiting; this one was not tried.
	ErrQueueFull = errors.New("queue full")
	// ErrClosed: the worker was closed.
	ErrClosed = errors.New("closed")
)

// Config sets up a Serial.
type Config[J any] struct {
	// Timeout bounds the wait for each call.
	Timeout time.Duration
	// QueueSize bounds the jobs waiting.
	QueueSize int
	// Call does the job's work; it may block past Timeout.
	Call func(J) error
	// Answer tells the job's caller what became of it: nil, Call's error,
	// or one of the errors above. It is called exactly once per job and
	// must not block.
	Answer func(J, error)
	// Interruptible: Close answers the job in hand ErrClosed at once rather
	// than waiting for its call; the owner then ends that call itself (by
	// closing its connection).
	Interruptible bool
}

// Serial runs jobs one at a time on one goroutine, each call bounded by a
// timeout, for callers that must never wait on a desktop or a sound server.
// A call that timed out cannot be cancelled from here: while it is still
// outstanding Serial tries nothing else and answers every job at once with
// ErrStuck, so that at most one goroutine is ever left waiting, and tries
// again as soon as that call returns.
type Serial[J any] struct {
	cfg   Config[J]
	queue chan J
	gate  Gate // Closed once stop is closed: nothing is queued after the drain
	stop  chan struct{}
	done  chan struct{}
}

// Start starts a Serial's worker; Close stops it.
func Start[J any](cfg Config[J]) *Serial[J] {
	s := &Serial[J]{cfg: cfg, queue: make(chan J, cfg.QueueSize), stop: make(chan struct{}), done: make(chan struct{})}
	go s.work()
	return s
}

// Put queues j and returns at once; a full queue or a closed worker answers
// j at once.
func (s *Serial[J]) Put(j J) {
	s.gate.Lock()
	defer s.gate.Unlock()
	if s.gate.Closed {
		s.cfg.Answer(j, ErrClosed)
		return
	}
	select {
	case s.queue <- j:
	default:
		s.cfg.Answer(j, ErrQueueFull)
	}
}

// Close stops the worker and waits for it: what is queued is answered
// ErrClosed, the job in hand finishes (at most the timeout) unless the
// Serial is Interruptible. It reports whether this call was the one that
// closed it; closing again only waits.
func (s *Serial[J]) Close() (first bool) {
	s.gate.Shut(func() { first = true; close(s.stop) })
	<-s.done
	return first
}

func (s *Serial[J]) work() {
	defer close(s.done)
	var stuck <-chan error // the call that timed out, until it returns
	for {
		select {
		case <-s.stop:
			s.drain()
			return
		case j := <-s.queue:
			// Close wins over a queue that is still full.
			select {
			case <-s.stop:
				s.cfg.Answer(j, ErrClosed)
				s.drain()
				return
			default:
			}
			stuck = s.deliver(j, stuck)
		}
	}
}

// drain answers everything still queued once closed; Put queues nothing
// after that.
func (s *Serial[J]) drain() {
	for {
		select {
		case j := <-s.queue:
			s.cfg.Answer(j, ErrClosed)
		default:
			return
		}
	}
}

// deliver answers j and returns the call still stuck afterwards, if any.
func (s *Serial[J]) deliver(j J, stuck <-chan error) <-chan error {
	if stuck != nil {
		select {
		case <-stuck:
		default:
			s.cfg.Answer(j, ErrStuck)
			return stuck
		}
	}
	call := make(chan error, 1)
	go func() { call <- s.cfg.Call(j) }()
	timer := time.NewTimer(s.cfg.Timeout)
	defer timer.Stop()
	var interrupted <-chan struct{}
	if s.cfg.Interruptible {
		interrupted = s.stop
	}
	select {
	case err := <-call:
		s.cfg.Answer(j, err)
		return nil
	case <-timer.C:
		s.cfg.Answer(j, ErrTimeout)
		return call
	case <-interrupted:
		s.cfg.Answer(j, ErrClosed)
		return call
	}
}
