package notify

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// fakeNotifier records calls and answers with whatever its func says.
type fakeNotifier struct {
	calls  atomic.Int32
	answer func(Notification) error
}

func (f *fakeNotifier) Notify(_ context.Context, n Notification) error {
	f.calls.Add(1)
	return f.answer(n)
}

// blocking is a notifier whose calls wait until release is closed, like a
// frozen notification server; started receives each call as it begins.
func blocking() (f *fakeNotifier, started chan Notification, release chan struct{}) {
	started = make(chan Notification, 16)
	release = make(chan struct{})
	f = &fakeNotifier{answer: func(n Notification) error {
		started <- n
		<-release
		return nil
	}}
	return f, started, release
}

// receive waits for a Result, failing the test after a generous bound.
func receive(t *testing.T, ch <-chan Result) Result {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(5 * time.Second):
		t.Fatal("no Result within 5 s")
		return Result{}
	}
}

func TestDeliveredAndFailed(t *testing.T) {
	refused := errors.New("server says no")
	f := &fakeNotifier{answer: func(n Notification) error {
		if n.Title == "bad" {
			return refused
		}
		return nil
	}}
	d := NewDispatcher(f, Config{})
	defer d.Close()

	ok := receive(t, d.Send(Notification{Title: "good", Urgent: true}))
	if ok.Outcome != Delivered || ok.Err != nil || !ok.OK() || ok.Notification.Title != "good" || !ok.Notification.Urgent {
		t.Errorf("good notification: got %+v, want Delivered with the notification", ok)
	}
	bad := receive(t, d.Send(Notification{Title: "bad"}))
	if bad.Outcome != Failed || !errors.Is(bad.Err, refused) || bad.OK() {
		t.Errorf("refused notification: got %+v, want Failed with the notifier's error", bad)
	}
}

// The clock of this test and the next two is synctest's: timeouts are
// waited for exactly and at once.
func TestTimeoutAnswersWithinTheTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f, _, release := blocking()
		defer close(release)
		const timeout = 50 * time.Millisecond
		d := NewDispatcher(f, Config{Timeout: timeout})
		defer d.Close()

		r := receive(t, d.Send(Notification{Title: "x"}))
		if r.Outcome != TimedOut || !errors.Is(r.Err, ErrTimeout) {
			t.Fatalf("got %+v, want TimedOut with ErrTimeout", r)
		}
		if r.Took != timeout {
			t.Errorf("answered after %v, want the timeout (%v)", r.Took, timeout)
		}
	})
}

func TestStuckCallIsTheOnlyOneAndDesktopComesBack(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f, started, release := blocking()
		d := NewDispatcher(f, Config{Timeout: 20 * time.Millisecond})
		defer d.Close()

		if r := receive(t, d.Send(Notification{Title: "first"})); r.Outcome != TimedOut {
			t.Fatalf("first: got %v, want timed out", r.Outcome)
		}
		<-started
		// While the first call is stuck, nothing else is tried and each answer is
		// immediate: far below the timeout.
		for i := range 5 {
			r := receive(t, d.Send(Notification{Title: "while stuck"}))
			if r.Outcome != Failed || !errors.Is(r.Err, ErrStuck) {
				t.Fatalf("send %d while stuck: got %+v, want Failed with ErrStuck", i, r)
			}
		}
		if n := f.calls.Load(); n != 1 {
			t.Fatalf("notifier called %d times while stuck, want 1 (one leaked goroutine at most)", n)
		}

		// The server answers: the desktop is tried again. The stuck goroutine hands
		// its answer over just after the notifier returns, hence a short retry.
		f.answer = func(Notification) error { return nil }
		close(release)
		deadline := time.Now().Add(2 * time.Second)
		for {
			r := receive(t, d.Send(Notification{Title: "after"}))
			if r.Outcome == Delivered {
				break
			}
			if !errors.Is(r.Err, ErrStuck) || time.Now().After(deadline) {
				t.Fatalf("after the stuck call returned: got %+v, want Delivered", r)
			}
			time.Sleep(time.Millisecond)
		}
	})
}

func TestFullQueueDropsAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f, started, release := blocking()
		const size = 3
		d := NewDispatcher(f, Config{Timeout: time.Hour, QueueSize: size})
		defer func() {
			close(release) // let the calls finish so Close returns
			d.Close()
		}()

		first := d.Send(Notification{Title: "in hand"})
		<-started // the worker holds it; the queue is empty
		var queued []<-chan Result
		for range size {
			queued = append(queued, d.Send(Notification{Title: "queued"}))
		}
		begin := time.Now()
		r := receive(t, d.Send(Notification{Title: "one too many"}))
		if r.Outcome != Dropped || !errors.Is(r.Err, ErrQueueFull) || r.Notification.Title != "one too many" {
			t.Fatalf("got %+v, want Dropped with ErrQueueFull", r)
		}
		if took := time.Since(begin); took != 0 {
			t.Errorf("Send with a full queue took %v: it must not wait for the worker", took)
		}
		for _, ch := range append(queued, first) {
			select {
			case r := <-ch:
				t.Fatalf("queued notification answered early: %+v", r)
			default:
			}
		}
	})
}

func TestCloseDropsWhatIsQueuedAndLaterSends(t *testing.T) {
	f, started, release := blocking()
	d := NewDispatcher(f, Config{Timeout: time.Hour, QueueSize: 1})
	first := d.Send(Notification{Title: "in hand"})
	<-started
	second := d.Send(Notification{Title: "queued"})

	var closed sync.WaitGroup
	closed.Go(d.Close)
	// The queue is full, so until Close has begun a Send is dropped as such.
	for errors.Is(receive(t, d.Send(Notification{Title: "probe"})).Err, ErrQueueFull) {
		runtime.Gosched()
	}
	close(release)
	closed.Wait()

	if r := receive(t, first); r.Outcome != Delivered {
		t.Errorf("call in hand: got %v, want delivered (Close lets it finish)", r.Outcome)
	}
	if r := receive(t, second); r.Outcome != Dropped || !errors.Is(r.Err, ErrClosed) {
		t.Errorf("queued: got %+v, want Dropped with ErrClosed", r)
	}
	if r := receive(t, d.Send(Notification{Title: "late"})); r.Outcome != Dropped || !errors.Is(r.Err, ErrClosed) {
		t.Errorf("after Close: got %+v, want Dropped with ErrClosed", r)
	}
	d.Close() // twice is fine
}

func TestPanickingNotifierIsAFailure(t *testing.T) {
	d := NewDispatcher(&fakeNotifier{answer: func(Notification) error { panic("boom") }}, Config{})
	defer d.Close()
	if r := receive(t, d.Send(Notification{Title: "x"})); r.Outcome != Failed || r.Err == nil {
		t.Errorf("got %+v, want Failed", r)
	}
}

func TestOutcomeStrings(t *testing.T) {
	for o, want := range map[Outcome]string{Delivered: "delivered", Failed: "failed", TimedOut: "timed out", Dropped: "dropped", 9: "Outcome(9)"} {
		if got := o.String(); got != want {
			t.Errorf("%d: got %q, want %q", int(o), got, want)
		}
	}
}
