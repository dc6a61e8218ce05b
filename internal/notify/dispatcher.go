package notify

import (
	"fmt"
	"sync"
	"time"
)

// Defaults for a Dispatcher (see Config).
const (
	// DefaultTimeout bounds one call to the desktop. A notification server
	// answers in milliseconds; one that takes seconds is not working, and the
	// reminder's fallback must show while it is still timely.
	DefaultTimeout = 2 * time.Second
	// DefaultQueueSize bounds the notifications waiting for the worker.
	// Reminders come at most one a second and a catch-up is a single one, so
	// a handful is already more than ever waits.
	DefaultQueueSize = 8
)

// Config sets up a Dispatcher; zero fields take the defaults.
type Config struct {
	Timeout   time.Duration
	QueueSize int
}

// Dispatcher delivers notifications through a Notifier on one worker
// goroutine, so nobody else ever waits on the desktop.
//
// A call that times out cannot be cancelled (beeep has no timeout and no
// context): its goroutine stays blocked until the server answers. To keep
// that leak to one goroutine, while such a call is outstanding the dispatcher
// tries nothing else and answers every notification at once with Failed and
// ErrStuck; it tries the desktop again as soon as the stuck call returns.
type Dispatcher struct {
	notifier Notifier
	timeout  time.Duration
	queue    chan job

	mu     sync.Mutex // guards closed, so nothing is queued after the worker drains
	closed bool
	stop   chan struct{}
	done   chan struct{}
}

type job struct {
	n      Notification
	queued time.Time
	reply  chan Result
}

// NewDispatcher starts a dispatcher's worker. Close stops it.
func NewDispatcher(n Notifier, c Config) *Dispatcher {
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.QueueSize <= 0 {
		c.QueueSize = DefaultQueueSize
	}
	d := &Dispatcher{
		notifier: n,
		timeout:  c.Timeout,
		queue:    make(chan job, c.QueueSize),
		stop:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	go d.work()
	return d
}

// Send queues n and returns at once. The channel receives exactly one Result:
// within the timeout of the worker reaching n, or immediately (Dropped) when
// the queue is full or the dispatcher is closed. It is buffered, so a caller
// that stops listening leaks nothing.
func (d *Dispatcher) Send(n Notification) <-chan Result {
	j := job{n: n, queued: time.Now(), reply: make(chan Result, 1)}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		j.answer(Dropped, ErrClosed)
		return j.reply
	}
	select {
	case d.queue <- j:
	default:
		j.answer(Dropped, ErrQueueFull)
	}
	return j.reply
}

// Close stops the worker: it finishes the call in hand (at most the timeout),
// answers what is still queued with Dropped, and returns. Later Sends are
// Dropped. Close may be called more than once.
func (d *Dispatcher) Close() {
	d.mu.Lock()
	if !d.closed {
		d.closed = true
		close(d.stop)
	}
	d.mu.Unlock()
	<-d.done
}

func (d *Dispatcher) work() {
	defer close(d.done)
	var stuck <-chan error // the call that timed out, until it returns
	for {
		select {
		case <-d.stop:
			d.drain()
			return
		case j := <-d.queue:
			// Close wins over a queue that is still full.
			select {
			case <-d.stop:
				j.answer(Dropped, ErrClosed)
				d.drain()
				return
			default:
			}
			stuck = d.deliver(j, stuck)
		}
	}
}

// drain answers everything still queued once closed; Send queues nothing
// after that.
func (d *Dispatcher) drain() {
	for {
		select {
		case j := <-d.queue:
			j.answer(Dropped, ErrClosed)
		default:
			return
		}
	}
}

// deliver answers j and returns the call still stuck afterwards, if any.
func (d *Dispatcher) deliver(j job, stuck <-chan error) <-chan error {
	if stuck != nil {
		select {
		case <-stuck:
		default:
			j.answer(Failed, ErrStuck)
			return stuck
		}
	}
	call := make(chan error, 1)
	go func() { call <- d.call(j.n) }()
	timer := time.NewTimer(d.timeout)
	defer timer.Stop()
	select {
	case err := <-call:
		if err != nil {
			j.answer(Failed, err)
		} else {
			j.answer(Delivered, nil)
		}
		return nil
	case <-timer.C:
		j.answer(TimedOut, fmt.Errorf("%w (%s)", ErrTimeout, d.timeout))
		return call
	}
}

// call runs the notifier; a panic in it is a failed notification, not a
// crashed program.
func (d *Dispatcher) call(n Notification) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("notifier panicked: %v", p)
		}
	}()
	return d.notifier.Notify(n)
}

func (j job) answer(o Outcome, err error) {
	j.reply <- Result{Notification: j.n, Outcome: o, Err: err, Took: time.Since(j.queued)}
}
