package control

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"
)

// next is the next update, within 5 s.
func next(t *testing.T, updates <-chan Update) (Update, bool) {
	t.Helper()
	select {
	case u, ok := <-updates:
		return u, ok
	case <-time.After(5 * time.Second):
		t.Fatal("no update within 5s")
		return Update{}, false
	}
}

func TestWatchStreamsTheCourseThenBye(t *testing.T) {
	needSockets(t)
	s, path := serving(t, newDriver(t), nil)
	updates, err := Watch(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if u, _ := next(t, updates); string(u.Course) != string(courseJSON(0)) {
		t.Fatalf("first update %+v, want the course published before", u)
	}
	// A change through the socket and one published by the driver alike.
	if r, err := Do(context.Background(), path, Request{Do: Pause}); err != nil || !r.OK {
		t.Fatal(r, err)
	}
	_ = s.Publish(courseJSON(1))
	if u, _ := next(t, updates); string(u.Course) != string(courseJSON(1)) {
		t.Fatalf("after a change: %+v", u)
	}
	_ = s.Publish(json.RawMessage("{\n  \"kind\": \"rest\"\n}")) // indented: still one line on the wire
	if u, _ := next(t, updates); string(u.Course) != `{"kind":"rest"}` {
		t.Fatalf("after an indented course: %+v", u)
	}
	s.Close("handed over to a background run")
	if u, ok := next(t, updates); !ok || !u.Bye || u.Lost || u.Why != "handed over to a background run" || u.Course != nil {
		t.Fatalf("at Close: %+v (open %v), want a bye saying why", u, ok)
	}
	if _, ok := next(t, updates); ok {
		t.Fatal("the channel stayed open after the bye")
	}
	if err := s.Publish(json.RawMessage("[]")); err == nil {
		t.Error("a course that is not a JSON object was published")
	}
}

// A watcher that reads slowly misses courses in between but always gets
// the latest.
func TestSlowWatcherGetsTheLatestCourse(t *testing.T) {
	needSockets(t)
	s, path := serving(t, newDriver(t), nil)
	updates, err := Watch(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	next(t, updates)
	const last = 200
	for i := 1; i <= last; i++ {
		_ = s.Publish(courseJSON(i))
	}
	seen, prev := 0, 0
	for prev != last {
		u, _ := next(t, updates)
		var c struct{ Applied int }
		if err := json.Unmarshal(u.Course, &c); err != nil || c.Applied <= prev {
			t.Fatalf("update %s after %d", u.Course, prev)
		}
		prev = c.Applied
		seen++
		time.Sleep(time.Millisecond)
	}
	t.Logf("%d of %d courses seen, the last included", seen, last)
}

// A watcher that never reads never holds up Publish, nor the other
// watchers; it is dropped at the write deadline and its goroutines end.
func TestWatcherThatDoesNotReadIsDropped(t *testing.T) {
	needSockets(t)
	// A Publish that waited for the stuck watcher would take the whole
	// write deadline: 3 s.
	s, path := serving(t, newDriver(t), func(l *limits) { l.write = 3 * time.Second })
	baseline := runtime.NumGoroutine()
	stuck := dialRaw(t, path)
	stuck.send(`{"v":1,"do":"watch"}` + "\n")
	waitWatchers(t, s, 1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reader, err := Watch(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	waitWatchers(t, s, 2)

	padding := strings.Repeat("x", 60<<10)
	var worst time.Duration
	const publishes = 300 // 18 MB: far more than a socket's buffer
	for i := 1; i <= publishes; i++ {
		begin := time.Now()
		_ = s.Publish(json.RawMessage(fmt.Sprintf(`{"applied":%d,"padding":%q}`, i, padding)))
		worst = max(worst, time.Since(begin))
	}
	t.Logf("slowest of %d Publish calls with a watcher that never reads: %v", publishes, worst)
	if worst > time.Second {
		t.Errorf("a Publish took %v", worst)
	}
	for {
		u, _ := next(t, reader)
		var c struct{ Applied int }
		if err := json.Unmarshal(u.Course, &c); err != nil {
			t.Fatal(err)
		}
		if c.Applied == publishes {
			break
		}
	}
	waitWatchers(t, s, 1) // the one that never read is gone
	cancel()
	for range reader {
	}
	goroutinesBackTo(t, baseline)
}

// An abandoned watcher (its client closed, or cancelled) leaves no
// goroutine behind, in the server or in Watch.
func TestAbandonedWatchersLeaveNoGoroutines(t *testing.T) {
	needSockets(t)
	s, path := serving(t, newDriver(t), nil)
	baseline := runtime.NumGoroutine()
	for range 10 {
		ctx, cancel := context.WithCancel(context.Background())
		updates, err := Watch(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		next(t, updates)
		cancel()
		for range updates {
		}
		raw := dialRaw(t, path)
		raw.send(`{"v":1,"do":"watch"}` + "\n")
		if _, err := raw.read(5 * time.Second); err != nil {
			t.Fatal(err)
		}
		raw.conn.Close()
	}
	// One still open when the server closes.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := Watch(ctx, path); err != nil {
		t.Fatal(err)
	}
	waitWatchers(t, s, 1)
	_ = s.Publish(courseJSON(1))
	s.Close("the test closed it")
	goroutinesBackTo(t, baseline)
}

func TestWatchersAreCapped(t *testing.T) {
	needSockets(t)
	_, path := serving(t, newDriver(t), func(l *limits) { l.watches = 2 })
	for range 2 {
		if _, err := Watch(context.Background(), path); err != nil {
			t.Fatal(err)
		}
	}
	// Watch asks again while refused busy, until ctx ends, and then says
	// busy: a refusal takes microseconds, the 2 s are for a loaded machine
	// (300 ms were too few under stress --cpu 2).
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err := Watch(ctx, path)
	var r *RefusalError
	if !errors.As(err, &r) || r.Code != CodeBusy {
		t.Fatalf("a third watcher: got %v, want a busy refusal", err)
	}
	if r, err := Do(context.Background(), path, Request{Do: Ack}); err != nil || !r.OK {
		t.Fatalf("requests are served while the watchers are full: %+v, %v", r, err)
	}
}

// waitWatchers waits up to 5 s for the server to have n watchers.
func waitWatchers(t *testing.T, s *Server, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.watch.mu.Lock()
		got := len(s.watch.set)
		s.watch.mu.Unlock()
		if got == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d watchers, want %d", got, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A driver killed with SIGKILL ends the stream without a bye: the watcher
// is told at once that it was lost, and the socket file it left is stale.
func TestWatchTellsWhenTheDriverDies(t *testing.T) {
	needSockets(t)
	if runtime.GOOS == "windows" {
		t.Skip("no SIGKILL")
	}
	dir := shortDir(t)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), driverEnv+"="+dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	first := bufio.NewScanner(out)
	if !first.Scan() {
		t.Fatal("the driver process printed no socket path")
	}
	path := first.Text()
	updates, err := Watch(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	next(t, updates)

	killed := time.Now()
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	u, ok := next(t, updates)
	told := time.Since(killed)
	t.Logf("the watcher knew the driver was gone %v after SIGKILL (%v)", told.Round(time.Microsecond), u.Err)
	if !ok || !u.Lost || u.Bye || u.Err == nil {
		t.Fatalf("after SIGKILL: %+v (open %v), want lost", u, ok)
	}
	if told > time.Second {
		t.Errorf("told after %v, want under 1s", told)
	}
	_ = cmd.Wait()
	if _, err := Do(context.Background(), path, Request{Do: Pause}); !errors.Is(err, ErrNotServing) {
		t.Errorf("Do to the dead driver: %v, want ErrNotServing", err)
	}
	// The next driver takes over the socket the dead one left.
	ln, again, err := Listen(dir)
	if err != nil || again != path {
		t.Fatalf("Listen after the crash: %q, %v; want %q", again, err, path)
	}
	ln.Close()
}
