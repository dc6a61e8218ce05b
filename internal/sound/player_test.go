package sound

import (
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// fakeBackend stands in for the sound server: each play waits for release
// (or close), and it counts how many plays ever run at once.
type fakeBackend struct {
	mu        sync.Mutex
	calls     []Chime
	running   int
	maxAtOnce int
	release   chan struct{} // closed: plays return at once
	closed    chan struct{}
	closeOne  sync.Once
	panics    bool
}

func newFake() *fakeBackend {
	return &fakeBackend{release: make(chan struct{}), closed: make(chan struct{})}
}

func (f *fakeBackend) play(c Chime, _ time.Time) error {
	f.mu.Lock()
	f.calls = append(f.calls, c)
	f.running++
	f.maxAtOnce = max(f.maxAtOnce, f.running)
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.running--
		f.mu.Unlock()
	}()
	if f.panics {
		panic("boom")
	}
	select {
	case <-f.release:
		return nil
	case <-f.closed:
		return errors.New("closed under the play")
	}
}

func (f *fakeBackend) close() { f.closeOne.Do(func() { close(f.closed) }) }

func (f *fakeBackend) stats() (calls []Chime, maxAtOnce int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Chime(nil), f.calls...), f.maxAtOnce
}

// answeredAtOnce returns the answer already in ch when Play returned.
func answeredAtOnce(t *testing.T, ch <-chan error) error {
	t.Helper()
	select {
	case err := <-ch:
		return err
	default:
		t.Fatal("Play did not answer at once")
		return nil
	}
}

// within waits for the answer, failing after limit.
func within(t *testing.T, ch <-chan error, limit time.Duration) (time.Duration, error) {
	t.Helper()
	start := time.Now()
	select {
	case err := <-ch:
		return time.Since(start), err
	case <-time.After(limit):
		t.Fatalf("no answer within %v", limit)
		return 0, nil
	}
}

func TestPlayDelivers(t *testing.T) {
	f := newFake()
	close(f.release)
	p := newPlayer(f, Config{})
	defer p.Close()
	for _, c := range chimes {
		if _, err := within(t, p.Play(c), 5*time.Second); err != nil {
			t.Fatalf("Play(%v) = %v", c, err)
		}
	}
	if calls, _ := f.stats(); len(calls) != 3 || calls[1] != PackOff {
		t.Errorf("backend played %v, want every chime in order", calls)
	}
}

// A server that never answers: Play answers ErrTimeout at the timeout, the
// next chimes answer ErrStuck without another goroutine waiting on the
// server, and once the stuck call returns the server is tried again. The
// clock is synctest's, so the timeout is waited for exactly and at once.
func TestStuckServerLeavesOneGoroutine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const timeout = 200 * time.Millisecond
		f := newFake()
		p := newPlayer(f, Config{Timeout: timeout})
		defer p.Close()

		start := time.Now()
		ch := p.Play(PackOff)
		if d := time.Since(start); d != 0 {
			t.Errorf("Play waited %v to return", d)
		}
		took, err := within(t, ch, timeout+2*time.Second)
		if !errors.Is(err, ErrTimeout) {
			t.Fatalf("first answer %v, want ErrTimeout", err)
		}
		if took != timeout {
			t.Errorf("timed out after %v, want the timeout %v", took, timeout)
		}
		for range 3 {
			ch := p.Play(PackOn)
			synctest.Wait() // the worker answers with no time passing
			if err := answeredAtOnce(t, ch); !errors.Is(err, ErrStuck) {
				t.Fatalf("answer while stuck %v, want ErrStuck", err)
			}
		}
		if calls, most := f.stats(); len(calls) != 1 || most != 1 {
			t.Fatalf("while stuck the server saw %d plays, %d at once; want 1 and 1", len(calls), most)
		}

		close(f.release) // the server answers at last
		synctest.Wait()  // and the stuck call has returned
		if _, err := within(t, p.Play(Done), time.Second); err != nil {
			t.Fatalf("after the server answered: %v", err)
		}
		if _, most := f.stats(); most != 1 {
			t.Errorf("%d plays ran at once, want 1", most)
		}
	})
}

func TestQueueFullAndClose(t *testing.T) {
	f := newFake()
	p := newPlayer(f, Config{Timeout: time.Hour})
	first := p.Play(PackOff)
	// Wait until the worker holds the first chime, so the queue is empty.
	for {
		if calls, _ := f.stats(); len(calls) == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	var queued []<-chan error
	for range queueSize {
		queued = append(queued, p.Play(PackOn))
	}
	if err := answeredAtOnce(t, p.Play(Done)); !errors.Is(err, ErrQueueFull) {
		t.Fatalf("beyond the queue: %v, want ErrQueueFull", err)
	}

	// Close ends the call in hand through the backend's close, well before
	// the hour's timeout, and answers the queue with ErrClosed.
	closed := make(chan struct{})
	go func() { p.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return")
	}
	if err := answeredAtOnce(t, first); err == nil {
		t.Error("the chime in hand when closed reported success")
	}
	for _, ch := range queued {
		if err := answeredAtOnce(t, ch); !errors.Is(err, ErrClosed) {
			t.Errorf("queued chime at Close: %v, want ErrClosed", err)
		}
	}
	if err := answeredAtOnce(t, p.Play(PackOff)); !errors.Is(err, ErrClosed) {
		t.Errorf("Play after Close: %v, want ErrClosed", err)
	}
	p.Close() // twice is fine
	if calls, _ := f.stats(); len(calls) != 1 {
		t.Errorf("the server saw %d plays, want only the one in hand", len(calls))
	}
}

func TestUnknownChimeAndPanic(t *testing.T) {
	f := newFake()
	f.panics = true
	p := newPlayer(f, Config{})
	defer p.Close()
	if err := answeredAtOnce(t, p.Play(Chime(42))); !errors.Is(err, ErrUnknownChime) {
		t.Errorf("Play(42) = %v, want ErrUnknownChime", err)
	}
	if _, err := within(t, p.Play(PackOn), 5*time.Second); err == nil {
		t.Error("a panicking backend reported success")
	}
}
