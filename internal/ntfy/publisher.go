package ntfy

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/icetimer/icetimer/internal/words"
	"github.com/icetimer/icetimer/internal/worker"
)

// Defaults and ntfy's limits (see Options).
const (
	// DefaultTimeout bounds one HTTP request. A phone push that takes longer
	// is not working; the desktop and the screen have long told the person.
	DefaultTimeout = 10 * time.Second
	// DefaultQueueSize bounds the reminders waiting for the worker:
	// reminders come minutes apart, so a handful is more than ever waits.
	DefaultQueueSize = 8
	// DefaultCloseWait bounds how long Close keeps publishing what is
	// queued: a cancel queued by `icetimer stop` must still reach the
	// server, but a dead server must not hold the process.
	DefaultCloseWait = time.Second
	// MinDelay is the shortest delay ntfy accepts for a scheduled message;
	// a change closer than that is published when it comes.
	MinDelay = 10 * time.Second
	// MaxDelay is the longest delay ntfy accepts by default (3 days).
	MaxDelay = 72 * time.Hour
	// deliverySlack is how close to its time a scheduled message is left
	// alone: it is being delivered, and a DELETE would take it off the
	// phone instead of cancelling it.
	deliverySlack = 5 * time.Second
)

// Options tune a Publisher; zero fields take the defaults.
type Options struct {
	Timeout   time.Duration
	QueueSize int
	CloseWait time.Duration
	// Now is the wall clock that At is compared with (time.Now).
	Now func() time.Time
	// Client makes the requests (a new http.Client); redirects are never
	// followed, whatever its CheckRedirect says.
	Client *http.Client
}

// Errors in a Result.
var (
	ErrClosed    = errors.New("phone push closed")
	ErrQueueFull = errors.New("phone push queue full")
)

// Result is what became of one Publish, Schedule or Cancel.
type Result struct {
	// What was asked, for the line that says it failed.
	What string
	// Err is nil when the server accepted it; its text is one line, and
	// never holds the token.
	Err  error
	Took time.Duration
}

// OK reports whether the server accepted it.
func (r Result) OK() bool { return r.Err == nil }

// Publisher publishes reminders on one worker goroutine, so that nobody
// else ever waits on the network, and keeps at most one scheduled message
// on the server: the one for the next change.
//
// Requests go out one at a time in the order asked, each bounded by the
// timeout; callers get a channel that receives exactly one Result (at
// once, when the queue is full or the Publisher is closed).
type Publisher struct {
	client    client
	timeout   time.Duration
	closeWait time.Duration
	now       func() time.Time
	queue     chan job

	// calls is the parent of every request's context: Close ends it once
	// CloseWait has passed.
	calls  context.Context
	cancel context.CancelFunc

	gate worker.Gate
	// want is the scheduled message the driver last asked for (none when
	// !want.set); waiters hear how the request that carries it out went;
	// marked says such a request is queued already.
	want    slot
	waiters []chan Result
	marked  bool
	// have is the scheduled message on the server, as far as this process
	// knows (Inherit adds what an earlier one left).
	have slot
	// repeats is the repeats of a waiting reminder scheduled on the server
	// (see ScheduleRepeats), by sequence ID.
	repeats map[string]Message
	done    chan struct{}
}

// slot is a scheduled message, or none.
type slot struct {
	msg Message
	set bool
}

// job is a reminder to publish now (repeatOf: the change a repeat is
// for), or (reconcile) a turn to bring the server's scheduled message in
// line with want, or a turn to make repeats the repeats on the server.
type job struct {
	msg       Message
	repeatOf  time.Time
	what      string
	reconcile bool
	repeats   *[]Message
	queued    time.Time
	reply     chan Result
}

// New starts a Publisher's worker for cfg; Close stops it. cfg is assumed
// checked (Config.Check): a bad one fails each request with the reason.
func New(cfg Config, o Options) *Publisher {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.QueueSize <= 0 {
		o.QueueSize = DefaultQueueSize
	}
	if o.CloseWait <= 0 {
		o.CloseWait = DefaultCloseWait
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	calls, cancel := context.WithCancel(context.Background())
	p := &Publisher{
		client:    client{cfg: cfg, http: withoutRedirects(o.Client)},
		timeout:   o.Timeout,
		closeWait: o.CloseWait,
		now:       o.Now,
		queue:     make(chan job, o.QueueSize),
		calls:     calls,
		cancel:    cancel,
		repeats:   map[string]Message{},
		done:      make(chan struct{}),
	}
	go p.work()
	return p
}

// Publish queues reminder r to go out now (see MessageFor) and returns at
// once.
func (p *Publisher) Publish(r words.Reminder) <-chan Result {
	j := job{msg: MessageFor(r), what: fmt.Sprintf("publish %q", r.Title), queued: time.Now(), reply: make(chan Result, 1)}
	if r.Repeat > 0 {
		j.repeatOf = r.At
	}
	p.gate.Lock()
	defer p.gate.Unlock()
	if err := p.enqueue(j); err != nil {
		j.answer(err)
	}
	return j.reply
}

// Schedule makes next, the reminder for the change at at, the one message
// scheduled on the server, delivered at at: the one scheduled before is
// replaced (or deleted, when it was for another change). The driver calls
// it after each change and each save of the course. A change sooner than
// MinDelay or later than MaxDelay is not scheduled (ntfy refuses it); the
// reminder at the change covers the first.
//
// Calls in quick succession are coalesced: only the newest reaches the
// server, and every caller hears how that went.
func (p *Publisher) Schedule(next words.Reminder, at time.Time) <-chan Result {
	m := MessageFor(next)
	m.SequenceID, m.At = SequenceID(at), at
	return p.ask(slot{msg: m, set: true})
}

// Cancel deletes the scheduled message, if any: the course stopped, or
// nothing comes next.
func (p *Publisher) Cancel() <-chan Result { return p.ask(slot{}) }

// Inherit records that an earlier process driving the same course may have
// left a scheduled message for the change at at, so that the next Schedule
// for another change, or Cancel, deletes it. It does nothing once this
// Publisher has scheduled a message itself.
func (p *Publisher) Inherit(at time.Time) {
	p.gate.Lock()
	defer p.gate.Unlock()
	if !p.have.set {
		p.have = slot{msg: Message{SequenceID: SequenceID(at), At: at}, set: true}
	}
}

// ask makes w the wanted scheduled message and queues a turn to carry it
// out, unless one is queued already.
func (p *Publisher) ask(w slot) <-chan Result {
	reply := make(chan Result, 1)
	p.gate.Lock()
	defer p.gate.Unlock()
	p.want = w
	p.waiters = append(p.waiters, reply)
	if p.marked {
		return reply
	}
	if err := p.enqueue(job{reconcile: true, queued: time.Now()}); err != nil {
		p.answerWaiters(Result{What: "schedule the next change", Err: err})
		return reply
	}
	p.marked = true
	return reply
}

// enqueue queues j; p.gate is held.
func (p *Publisher) enqueue(j job) error {
	if p.gate.Closed {
		return ErrClosed
	}
	select {
	case p.queue <- j:
		return nil
	default:
		return ErrQueueFull
	}
}

// answerWaiters answers and forgets the waiters; p.gate is held.
func (p *Publisher) answerWaiters(r Result) {
	for _, w := range p.waiters {
		w <- r
	}
	p.waiters = nil
}

// Close publishes what is still queued, for at most CloseWait (a Cancel
// asked just before must reach the server), then stops the worker; later
// calls answer ErrClosed at once. It leaves the scheduled message on the
// server, and the repeats: that they outlive the process is the point. A
// driver that stops reminding on purpose calls Cancel and CancelRepeats
// first. Close may be called more than once.
func (p *Publisher) Close() {
	p.gate.Shut(func() { close(p.queue) })
	worker.Drain(p.done, p.closeWait, p.cancel) // what is left fails at once
	p.cancel()
}

func (p *Publisher) work() {
	defer close(p.done)
	for j := range p.queue {
		switch {
		case j.reconcile:
			p.reconcileTurn(j)
			continue
		case j.repeats != nil:
			j.answer(p.replaceRepeats(*j.repeats))
			continue
		case !j.repeatOf.IsZero() && p.serverRings(j.repeatOf):
			j.answer(nil)
			continue
		}
		err := p.request(func(ctx context.Context) error { return p.client.publish(ctx, j.msg) })
		if err == nil {
			p.delivered(j.msg.SequenceID)
		}
		j.answer(err)
	}
}

// delivered forgets the scheduled message with id once a reminder published
// now has taken its place: it is on the phone, and deleting it would take
// it off.
func (p *Publisher) delivered(id string) {
	p.gate.Lock()
	defer p.gate.Unlock()
	if p.have.set && p.have.msg.SequenceID == id {
		p.have = slot{}
	}
}

// reconcileTurn carries out the newest wanted scheduled message and tells
// everyone who asked since the last turn.
func (p *Publisher) reconcileTurn(j job) {
	p.gate.Lock()
	want, have := p.want, p.have
	p.marked = false
	p.gate.Unlock()
	have, err := p.reconcile(want, have)
	p.gate.Lock()
	p.have = have
	if err != nil {
		err = fmt.Errorf("phone push: %w", err)
	}
	p.answerWaiters(Result{What: "schedule the next change", Err: err, Took: time.Since(j.queued)})
	p.gate.Unlock()
}

// reconcile makes the server hold want instead of have and returns what it
// holds afterwards, as far as known.
func (p *Publisher) reconcile(want, have slot) (slot, error) {
	now := p.now()
	ahead := want.msg.At.Sub(now)
	schedulable := want.set && ahead >= MinDelay && ahead <= MaxDelay
	if !schedulable {
		want = slot{}
	}
	if have.set && want.set && have.msg.SequenceID == want.msg.SequenceID && sameMessage(have.msg, want.msg) {
		return have, nil
	}
	var errs []error
	if have.set && have.msg.SequenceID != want.msg.SequenceID {
		if have.msg.At.After(now.Add(deliverySlack)) {
			id := have.msg.SequenceID
			if err := p.request(func(ctx context.Context) error { return p.client.remove(ctx, id) }); err != nil {
				errs = append(errs, fmt.Errorf("cancelling the message scheduled for %s: %w", have.msg.At.Format(time.TimeOnly), err))
			}
		}
		have = slot{}
	}
	if want.set {
		// The same sequence ID replaces the message scheduled under it.
		if err := p.request(func(ctx context.Context) error { return p.client.publish(ctx, want.msg) }); err != nil {
			errs = append(errs, fmt.Errorf("scheduling %q for %s: %w", want.msg.Title, want.msg.At.Format(time.TimeOnly), err))
		} else {
			have = want
		}
	}
	return have, oneLine(errs)
}

// oneLine joins errs with semicolons (errors.Join would use newlines): a
// failure is shown as one line.
func oneLine(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return fmt.Errorf("%w; %w", errs[0], errs[1])
}

// sameMessage reports whether a and b would publish the same thing.
func sameMessage(a, b Message) bool {
	if a.Title != b.Title || a.Body != b.Body || a.Priority != b.Priority || !a.At.Equal(b.At) || len(a.Tags) != len(b.Tags) ||
		a.Ack != b.Ack || a.AckID != b.AckID {
		return false
	}
	for i := range a.Tags {
		if a.Tags[i] != b.Tags[i] {
			return false
		}
	}
	return true
}

// request runs one HTTP request within the timeout.
func (p *Publisher) request(do func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(p.calls, p.timeout)
	defer cancel()
	err := do(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("no answer within %s", p.timeout)
	}
	return err
}

func (j job) answer(err error) {
	if err != nil {
		err = fmt.Errorf("phone push: %s: %w", j.what, err)
	}
	j.reply <- Result{What: j.what, Err: err, Took: time.Since(j.queued)}
}
