package speech

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// fakeEngine stands in for an engine in the tests of the Speaker's own
// rules (order, waits, bounds, closing); the engines themselves are tested
// on the real programs and daemons.
type fakeEngine struct {
	id      string
	err     error         // what speak answers; nil: spoken
	block   chan struct{} // speak waits for it (or close) when not nil
	closed  chan struct{}
	once    sync.Once
	panics  bool
	mu      sync.Mutex
	spoken  []string
	calls   []time.Time
	running int
	most    int
}

func newFakeEngine(id string, err error) *fakeEngine {
	return &fakeEngine{id: id, err: err, closed: make(chan struct{})}
}

func (f *fakeEngine) name() string { return f.id }

func (f *fakeEngine) speak(text string, ready func() error, _ time.Time) error {
	if err := ready(); err != nil {
		return err
	}
	f.mu.Lock()
	f.spoken = append(f.spoken, text)
	f.calls = append(f.calls, time.Now())
	f.running++
	f.most = max(f.most, f.running)
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.running--
		f.mu.Unlock()
	}()
	if f.panics {
		panic("boom")
	}
	if f.block != nil {
		select {
		case <-f.block:
		case <-f.closed:
			return errors.New("closed under the speech")
		}
	}
	return f.err
}

func (f *fakeEngine) close() { f.once.Do(func() { close(f.closed) }) }

func (f *fakeEngine) said() (texts []string, calls []time.Time, most int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.spoken...), append([]time.Time(nil), f.calls...), f.most
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

// answeredAtOnce returns the answer already there when Say returned.
func answeredAtOnce(t *testing.T, ch <-chan error) error {
	t.Helper()
	select {
	case err := <-ch:
		return err
	default:
		t.Fatal("Say did not answer at once")
		return nil
	}
}

// The first engine that is available speaks; those that are not are
// passed over, and none: ErrNoSpeech, saying why for each.
func TestFirstAvailableEngineSpeaks(t *testing.T) {
	none := newFakeEngine("first", unavailable{errors.New("not running")})
	second := newFakeEngine("second", nil)
	third := newFakeEngine("third", nil)
	s := newSpeaker([]engine{none, second, third}, Config{}, MaxAfter)
	defer s.Close()
	if _, err := within(t, s.Say("Take the ice pack off.", 0), 5*time.Second); err != nil {
		t.Fatalf("Say: %v", err)
	}
	if got, _, _ := second.said(); len(got) != 1 || got[0] != "Take the ice pack off." {
		t.Errorf("the second engine said %q", got)
	}
	if got, _, _ := third.said(); len(got) != 0 {
		t.Errorf("the third engine spoke too: %q", got)
	}

	// Each Say tries them in order again: the first, running now, speaks.
	none.err = nil
	if _, err := within(t, s.Say("Ice on.", 0), 5*time.Second); err != nil {
		t.Fatalf("Say: %v", err)
	}
	if got, _, _ := none.said(); len(got) != 2 {
		t.Errorf("the first engine, available again, said %q", got)
	}

	mute := newSpeaker([]engine{newFakeEngine("a", unavailable{errors.New("not installed")}),
		newFakeEngine("b", unavailable{errors.New("no sound server")})}, Config{}, MaxAfter)
	defer mute.Close()
	_, err := within(t, mute.Say("Ice on.", 0), 5*time.Second)
	if !errors.Is(err, ErrNoSpeech) || !strings.Contains(err.Error(), "a: not installed; b: no sound server") {
		t.Errorf("with no engine: %v, want ErrNoSpeech saying why for each", err)
	}
}

// An engine that fails after it was reached is the answer: the next one
// is not tried, so nothing is said twice.
func TestFailureIsTheAnswer(t *testing.T) {
	failing := newFakeEngine("first", errors.New("cancelled"))
	next := newFakeEngine("second", nil)
	s := newSpeaker([]engine{failing, next}, Config{}, MaxAfter)
	defer s.Close()
	_, err := within(t, s.Say("Ice on.", 0), 5*time.Second)
	if err == nil || errors.Is(err, ErrNoSpeech) || !strings.Contains(err.Error(), "first: cancelled") {
		t.Errorf("answer %v, want the first engine's failure", err)
	}
	if got, _, _ := next.said(); len(got) != 0 {
		t.Errorf("the next engine spoke: %q", got)
	}
}

// after: the voice waits for the chime; texts are said in order, one at a
// time. The clock is synctest's: the wait is exact and costs nothing.
func TestSayWaitsAfterAndKeepsOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := newFakeEngine("e", nil)
		s := newSpeaker([]engine{e}, Config{}, MaxAfter)
		defer s.Close()
		const after = 300 * time.Millisecond
		start := time.Now()
		first := s.Say("one", after)
		second := s.Say("two", 0)
		if took := time.Since(start); took != 0 {
			t.Errorf("Say waited %v to return", took)
		}
		for _, ch := range []<-chan error{first, second} {
			if _, err := within(t, ch, 5*time.Second); err != nil {
				t.Fatal(err)
			}
		}
		texts, calls, most := e.said()
		if strings.Join(texts, ",") != "one,two" || most != 1 {
			t.Fatalf("said %q with %d at once, want one then two, one at a time", texts, most)
		}
		if waited := calls[0].Sub(start); waited != after {
			t.Errorf("spoke %v after Say, want the %v asked for", waited, after)
		}
		// A wait below zero is none.
		if took, err := within(t, s.Say("three", -time.Hour), 5*time.Second); err != nil || took != 0 {
			t.Errorf("a negative wait: %v after %v", err, took)
		}
	})
}

func TestNothingToSay(t *testing.T) {
	e := newFakeEngine("e", nil)
	s := newSpeaker([]engine{e}, Config{}, MaxAfter)
	defer s.Close()
	for _, text := range []string{"", "  \t\r\n "} {
		if err := answeredAtOnce(t, s.Say(text, 0)); !errors.Is(err, ErrNothingToSay) {
			t.Errorf("Say(%q) = %v, want ErrNothingToSay", text, err)
		}
	}
	if _, err := within(t, s.Say("Ice\ton.\x07\r\nThen rest.\xff", 0), 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := e.said(); len(got) != 1 || got[0] != "Ice on.  \nThen rest." {
		t.Errorf("the engine was given %q", got)
	}
}

// An engine that never finishes: ErrTimeout at the timeout, ErrStuck
// while it is still out, and only one of it ever runs.
func TestStuckEngine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const timeout = 200 * time.Millisecond
		e := newFakeEngine("e", nil)
		e.block = make(chan struct{})
		s := newSpeaker([]engine{e}, Config{Timeout: timeout}, 0)
		defer s.Close()
		took, err := within(t, s.Say("one", 0), timeout+5*time.Second)
		if !errors.Is(err, ErrTimeout) || took != timeout {
			t.Fatalf("answer %v after %v, want ErrTimeout after the timeout %v", err, took, timeout)
		}
		if took, err := within(t, s.Say("two", 0), 5*time.Second); !errors.Is(err, ErrStuck) || took != 0 {
			t.Errorf("while stuck: %v after %v, want ErrStuck at once", err, took)
		}
		if _, _, most := e.said(); most != 1 {
			t.Errorf("%d speeches at once, want 1", most)
		}
	})
}

func TestQueueFullAndClose(t *testing.T) {
	e := newFakeEngine("e", nil)
	e.block = make(chan struct{})
	s := newSpeaker([]engine{e}, Config{Timeout: time.Hour}, MaxAfter)
	first := s.Say("in hand", 0)
	for {
		if got, _, _ := e.said(); len(got) == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	var queued []<-chan error
	for range queueSize {
		queued = append(queued, s.Say("queued", 0))
	}
	if err := answeredAtOnce(t, s.Say("one too many", 0)); !errors.Is(err, ErrQueueFull) {
		t.Fatalf("beyond the queue: %v, want ErrQueueFull", err)
	}
	closed := make(chan struct{})
	go func() { s.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return")
	}
	if err := answeredAtOnce(t, first); !errors.Is(err, ErrClosed) {
		t.Errorf("the text in hand at Close: %v, want ErrClosed", err)
	}
	for _, ch := range queued {
		if err := answeredAtOnce(t, ch); !errors.Is(err, ErrClosed) {
			t.Errorf("queued at Close: %v, want ErrClosed", err)
		}
	}
	if err := answeredAtOnce(t, s.Say("after", 0)); !errors.Is(err, ErrClosed) {
		t.Errorf("Say after Close: %v, want ErrClosed", err)
	}
	select {
	case <-e.closed:
	default:
		t.Error("Close did not close the engine")
	}
	s.Close() // twice is fine
}

// Close during the wait before speaking ends it: nothing is said, then
// or when the wait would have ended.
func TestCloseDuringTheWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := newFakeEngine("e", nil)
		s := newSpeaker([]engine{e}, Config{}, MaxAfter)
		const after = 500 * time.Millisecond
		ch := s.Say("later", after)
		s.Close()
		if took, err := within(t, ch, 5*time.Second); !errors.Is(err, ErrClosed) || took != 0 {
			t.Errorf("answer %v after %v, want ErrClosed at once", err, took)
		}
		time.Sleep(after + time.Second) // past the wait: it would have spoken by now
		if got, _, _ := e.said(); len(got) != 0 {
			t.Errorf("said %q after Close", got)
		}
	})
}

func TestPanickingEngine(t *testing.T) {
	e := newFakeEngine("e", nil)
	e.panics = true
	s := newSpeaker([]engine{e}, Config{}, MaxAfter)
	defer s.Close()
	if _, err := within(t, s.Say("Ice on.", 0), 5*time.Second); err == nil || !strings.Contains(err.Error(), "panicked") {
		t.Errorf("a panicking engine: %v", err)
	}
}
