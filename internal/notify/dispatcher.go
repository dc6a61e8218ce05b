package notify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/worker"
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
	// DefaultAbandon bounds how long a call that timed out is left to get its
	// answer. Its caller has had TimedOut long before; the call is kept so
	// that the server's late answer says it works again, and while it waits
	// every other notification fails at once instead of waiting out a
	// timeout of its own. Half a minute is far below the two minutes between
	// repeated reminders, so a server that never answers costs each repeat
	// at most one timeout.
	DefaultAbandon = 30 * time.Second
)

// Config sets up a Dispatcher; zero fields take the defaults.
type Config struct {
	// Timeout bounds the wait for one call's answer (DefaultTimeout).
	Timeout time.Duration
	// QueueSize bounds the notifications waiting for the worker
	// (DefaultQueueSize).
	QueueSize int
	// Abandon bounds the life of a call that timed out: its context ends
	// then (DefaultAbandon; never less than Timeout).
	Abandon time.Duration
}

// Dispatcher delivers notifications through a Notifier on one worker
// goroutine, so nobody else ever waits on the desktop.
//
// Each call gets a context that ends after Config.Abandon, or when the
// dispatcher is closed; its caller gets TimedOut after Config.Timeout. While a
// call that timed out is still outstanding the dispatcher tries nothing else
// and answers every notification at once with Failed and ErrStuck: a server
// that does not answer one call will not answer the next either, and this
// keeps the goroutines waiting on it to one. It tries the desktop again as
// soon as that call returns: when the server answers, or when its context
// ends. A notifier that ignores its context (beeep cannot give up) keeps
// that one goroutine until the server answers.
type Dispatcher struct {
	notifier Notifier
	timeout  time.Duration
	abandon  time.Duration
	serial   *worker.Serial[job]

	// calls is the parent of every call's context; Close cancels it, so that
	// no call outlives the dispatcher.
	calls  context.Context
	cancel context.CancelFunc
}

// job is one thing for the worker to do: show n, or withdraw the
// notification tagged withdraw.
type job struct {
	n        Notification
	withdraw string
	queued   time.Time
	reply    chan Result // nil for a withdrawal, which nobody waits for
}

// NewDispatcher starts a dispatcher's worker. Close stops it.
func NewDispatcher(n Notifier, c Config) *Dispatcher {
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.QueueSize <= 0 {
		c.QueueSize = DefaultQueueSize
	}
	if c.Abandon <= 0 {
		c.Abandon = DefaultAbandon
	}
	c.Abandon = max(c.Abandon, c.Timeout)
	calls, cancel := context.WithCancel(context.Background())
	d := &Dispatcher{notifier: n, timeout: c.Timeout, abandon: c.Abandon, calls: calls, cancel: cancel}
	d.serial = worker.Start(worker.Config[job]{Timeout: c.Timeout, QueueSize: c.QueueSize, Call: d.call, Answer: d.answer})
	return d
}

// Send queues n and returns at once. The channel receives exactly one Result:
// within the timeout of the worker reaching n, or immediately (Dropped) when
// the queue is full or the dispatcher is closed. It is buffered, so a caller
// that stops listening leaks nothing.
func (d *Dispatcher) Send(n Notification) <-chan Result {
	j := job{n: n, queued: time.Now(), reply: make(chan Result, 1)}
	d.serial.Put(j)
	return j.reply
}

// Withdraw queues the closing of the notification last sent with tag (once
// its reminder is acknowledged, say) and returns at once. It is done in turn
// with the notifications sent before it, bounded the same way, and nobody
// hears how it went: a popup that stays up after all is only clutter, so a
// full queue, a closed dispatcher, an unknown tag or a notifier that cannot
// withdraw (beeep's) make it do nothing.
func (d *Dispatcher) Withdraw(tag string) {
	if _, ok := d.notifier.(Withdrawer); !ok || tag == "" {
		return
	}
	d.serial.Put(job{withdraw: tag, queued: time.Now()})
}

// Acknowledged receives the Tag of each notification whose acknowledge button
// (Notification.Ack) was pressed. It is nil, so that it blocks forever in a
// select, when the notifier has no buttons. It is never closed, not even by
// Close.
func (d *Dispatcher) Acknowledged() <-chan string {
	if a, ok := d.notifier.(Acknowledger); ok {
		return a.Acknowledged()
	}
	return nil
}

// Close stops the worker: it finishes the call in hand (at most the timeout),
// answers what is still queued with Dropped, ends the context of a call still
// outstanding, closes the notifier when it has a Close method (the D-Bus
// connection), and returns. Later Sends are Dropped. Close may be called more
// than once.
func (d *Dispatcher) Close() {
	if d.serial.Close() {
		d.cancel()
		if c, ok := d.notifier.(interface{ Close() error }); ok {
			c.Close()
		}
	}
}

// answer tells j's caller what became of it, in the outcomes of Result.
func (d *Dispatcher) answer(j job, err error) {
	timedOut := fmt.Errorf("%w (%s)", ErrTimeout, d.timeout)
	switch {
	case err == nil:
		j.answer(Delivered, nil)
	case errors.Is(err, worker.ErrClosed):
		j.answer(Dropped, ErrClosed)
	case errors.Is(err, worker.ErrQueueFull):
		j.answer(Dropped, ErrQueueFull)
	case errors.Is(err, worker.ErrStuck):
		j.answer(Failed, ErrStuck)
	case errors.Is(err, worker.ErrTimeout):
		j.answer(TimedOut, timedOut)
	case errors.Is(err, context.DeadlineExceeded):
		// The notifier's own bound (connecting, say) ran out first.
		j.answer(TimedOut, fmt.Errorf("%w: %w", timedOut, err))
	default:
		j.answer(Failed, err)
	}
}

// call runs the notifier; a panic in it is a failed notification, not a
// crashed program.
func (d *Dispatcher) call(j job) (err error) {
	ctx, cancel := context.WithTimeout(d.calls, d.abandon)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("notifier panicked: %v", p)
		}
	}()
	if j.reply == nil {
		return d.notifier.(Withdrawer).Withdraw(ctx, j.withdraw)
	}
	return d.notifier.Notify(ctx, j.n)
}

func (j job) answer(o Outcome, err error) {
	if j.reply != nil {
		j.reply <- Result{Notification: j.n, Outcome: o, Err: err, Took: time.Since(j.queued)}
	}
}
