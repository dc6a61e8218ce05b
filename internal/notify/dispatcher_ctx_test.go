package notify

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// patient is a notifier like the D-Bus one with a frozen server: each call
// waits for its context to end, then reports on returned how long after its
// start that was.
type patient struct {
	mu       sync.Mutex
	calls    int
	answer   error // once set, calls answer at once with it (nil: delivered)
	frozen   bool
	returned chan time.Duration
}

func newPatient() *patient { return &patient{frozen: true, returned: make(chan time.Duration, 16)} }

func (p *patient) Notify(ctx context.Context, _ Notification) error {
	p.mu.Lock()
	p.calls++
	frozen, answer := p.frozen, p.answer
	p.mu.Unlock()
	if !frozen {
		return answer
	}
	begin := time.Now()
	<-ctx.Done()
	p.returned <- time.Since(begin)
	return ctx.Err()
}

func (p *patient) thaw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.frozen = false
}

func (p *patient) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.calls
}

// returnedWithin waits for p's outstanding call to return.
func (p *patient) returnedWithin(t *testing.T, bound time.Duration) time.Duration {
	t.Helper()
	select {
	case took := <-p.returned:
		return took
	case <-time.After(bound):
		t.Fatalf("the call did not return within %v", bound)
		return 0
	}
}

// sendUntil sends until a Result is not ErrStuck, which it returns; the call
// that was stuck hands its end over to the worker just after returning.
func sendUntil(t *testing.T, d *Dispatcher) Result {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for {
		r := receive(t, d.Send(Notification{Title: "probe"}))
		if !errors.Is(r.Err, ErrStuck) {
			return r
		}
		if time.Now().After(deadline) {
			t.Fatal("still ErrStuck 2 s after the stuck call returned")
		}
		time.Sleep(time.Millisecond)
	}
}

// The clock of this test and the next few is synctest's: timeouts are
// waited for exactly and at once.
func TestTimedOutCallIsAbandonedThenTheDesktopIsTriedAgain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPatient()
		const timeout, abandon = 30 * time.Millisecond, 300 * time.Millisecond
		d := NewDispatcher(p, Config{Timeout: timeout, Abandon: abandon})
		defer d.Close()

		r := receive(t, d.Send(Notification{Title: "first"}))
		if r.Outcome != TimedOut || !errors.Is(r.Err, ErrTimeout) || r.Took != timeout {
			t.Fatalf("first: got %+v, want TimedOut after the timeout, not after Abandon", r)
		}
		// The call is still waiting for its answer: nothing else is tried.
		if r := receive(t, d.Send(Notification{Title: "while waiting"})); !errors.Is(r.Err, ErrStuck) {
			t.Fatalf("while the first call waits: got %+v, want ErrStuck", r)
		}
		if took := p.returnedWithin(t, 5*time.Second); took != abandon {
			t.Errorf("the call's context ended %v after it began, want Abandon (%v)", took, abandon)
		}
		// Its goroutine is gone: the next notification is tried, and times out
		// on the still frozen server.
		if r := sendUntil(t, d); r.Outcome != TimedOut {
			t.Fatalf("after the call was abandoned: got %+v, want a new try that times out", r)
		}
		if n := p.count(); n != 2 {
			t.Errorf("notifier called %d times, want 2", n)
		}
		p.returnedWithin(t, 5*time.Second)
		p.thaw()
		if r := sendUntil(t, d); r.Outcome != Delivered {
			t.Fatalf("thawed: got %+v, want Delivered", r)
		}
	})
}

func TestNotifierRunningOutOfTimeIsTimedOut(t *testing.T) {
	p := newPatient()
	p.thaw()
	p.answer = fmt.Errorf("connecting: %w", context.DeadlineExceeded)
	d := NewDispatcher(p, Config{})
	defer d.Close()
	r := receive(t, d.Send(Notification{Title: "x"}))
	if r.Outcome != TimedOut || !errors.Is(r.Err, ErrTimeout) || !errors.Is(r.Err, context.DeadlineExceeded) {
		t.Errorf("got %+v, want TimedOut with ErrTimeout and the notifier's error", r)
	}
}

// closer is a patient notifier with a Close method, like Desktop.
type closer struct {
	*patient
	closed chan struct{}
}

func (c closer) Close() error {
	close(c.closed)
	return nil
}

func TestCloseEndsTheOutstandingCallAndClosesTheNotifier(t *testing.T) {
	c := closer{newPatient(), make(chan struct{})}
	d := NewDispatcher(c, Config{Timeout: 20 * time.Millisecond, Abandon: time.Hour})
	if r := receive(t, d.Send(Notification{Title: "x"})); r.Outcome != TimedOut {
		t.Fatalf("got %+v, want TimedOut", r)
	}
	d.Close()
	c.returnedWithin(t, 5*time.Second) // not after the hour
	select {
	case <-c.closed:
	default:
		t.Error("Close did not close the notifier")
	}
	d.Close() // twice is fine: the notifier is not closed again (it would panic)
}

// recorder is a notifier that withdraws and acknowledges, recording its
// calls in order.
type recorder struct {
	mu   sync.Mutex
	ops  []string
	acks chan string
}

func (r *recorder) Notify(_ context.Context, n Notification) error {
	r.record("notify " + n.Tag)
	return nil
}

func (r *recorder) Withdraw(_ context.Context, tag string) error {
	r.record("withdraw " + tag)
	return nil
}

func (r *recorder) Acknowledged() <-chan string { return r.acks }

func (r *recorder) record(op string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ops = append(r.ops, op)
}

func TestWithdrawIsDoneInTurn(t *testing.T) {
	rec := &recorder{}
	d := NewDispatcher(rec, Config{})
	defer d.Close()
	d.Send(Notification{Tag: "a"})
	d.Withdraw("a")
	d.Withdraw("") // no tag, nothing to withdraw
	receive(t, d.Send(Notification{Tag: "b"}))
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if want := []string{"notify a", "withdraw a", "notify b"}; !slices.Equal(rec.ops, want) {
		t.Errorf("notifier calls %q, want %q", rec.ops, want)
	}
}

func TestWithdrawNeverWaits(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f, started, release := blocking()
		rec := &recorder{}
		// Notify blocks like a frozen server; Withdraw is recorded.
		d := NewDispatcher(struct {
			Notifier
			Withdrawer
		}{f, rec}, Config{Timeout: time.Hour, QueueSize: 1})
		d.Send(Notification{Title: "in hand"})
		<-started
		d.Withdraw("queued")
		begin := time.Now()
		d.Withdraw("one too many") // the queue is full
		if took := time.Since(begin); took != 0 {
			t.Errorf("Withdraw with a full queue took %v", took)
		}
		close(release)
		// Done in turn: by the time a later notification is answered, the queued
		// withdrawal is done. Until the worker takes the withdrawal the queue is
		// still full.
		for errors.Is(receive(t, d.Send(Notification{Title: "after"})).Err, ErrQueueFull) {
			runtime.Gosched()
		}
		d.Close()
		d.Withdraw("after Close")
		rec.mu.Lock()
		defer rec.mu.Unlock()
		if want := []string{"withdraw queued"}; !slices.Equal(rec.ops, want) {
			t.Errorf("withdrawn %q, want %q: the one that found the queue full and the one after Close are dropped", rec.ops, want)
		}
	})
}

func TestWithdrawWithoutAWithdrawerTakesNoRoom(t *testing.T) {
	f, started, release := blocking()
	d := NewDispatcher(f, Config{Timeout: time.Hour, QueueSize: 1})
	defer func() {
		close(release)
		d.Close()
	}()
	d.Send(Notification{Title: "in hand"})
	<-started
	d.Withdraw("x")
	select {
	case r := <-d.Send(Notification{Title: "queued"}):
		t.Fatalf("the queue slot went to a withdrawal the notifier cannot do: %+v", r)
	default:
	}
}

func TestAcknowledgedIsTheNotifiers(t *testing.T) {
	rec := &recorder{acks: make(chan string, 1)}
	d := NewDispatcher(rec, Config{})
	defer d.Close()
	rec.acks <- "remove"
	select {
	case tag := <-d.Acknowledged():
		if tag != "remove" {
			t.Errorf("got %q, want remove", tag)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the notifier's acknowledgement did not come through")
	}

	plain := NewDispatcher(&fakeNotifier{answer: func(Notification) error { return nil }}, Config{})
	defer plain.Close()
	if ch := plain.Acknowledged(); ch != nil {
		t.Errorf("a notifier without buttons: got %v, want a nil channel", ch)
	}
}
