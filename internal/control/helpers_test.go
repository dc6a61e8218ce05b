package control

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// needSockets skips a test that serves a real socket under -short.
func needSockets(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("serves a real socket (left out under -short)")
	}
}

// shortDir is a new directory with a path short enough for a socket: a
// test's own t.TempDir() is named after the test and may be too long.
func shortDir(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "ctl")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// courseJSON is a course as a driver would publish it.
func courseJSON(n int) json.RawMessage {
	return json.RawMessage(fmt.Sprintf(`{"kind":"ice","applied":%d}`, n))
}

// driver is a handler that works as a driving process does: one goroutine
// applies the requests in turn, calling begin first, and counts what it
// applied. Extend is refused at a cap, as the engine would.
type driver struct {
	calls   atomic.Int64 // Handle was called
	applied atomic.Int64 // a request was applied
	queue   chan call
	extends int // on the driver's goroutine only
}

type call struct {
	req    Request
	begin  func() bool
	answer chan Reply
}

const extendCap = 3

func newDriver(t testing.TB) *driver {
	d := &driver{queue: make(chan call)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for c := range d.queue {
			c.answer <- d.apply(c)
		}
	}()
	t.Cleanup(func() { close(d.queue); <-done })
	return d
}

func (d *driver) apply(c call) Reply {
	if c.req.Do == Extend && d.extends >= extendCap {
		return Refused(CodeAtCap, "at the cap")
	}
	if !c.begin() {
		return Reply{}
	}
	if c.req.Do == Extend {
		d.extends++
	}
	n := d.applied.Add(1)
	return Done(string(c.req.Do)+"d", courseJSON(int(n)))
}

func (d *driver) Handle(ctx context.Context, req Request, begin func() bool) Reply {
	d.calls.Add(1)
	c := call{req: req, begin: begin, answer: make(chan Reply, 1)}
	select {
	case d.queue <- c:
	case <-ctx.Done():
		return Reply{}
	}
	return <-c.answer
}

// serving starts a server for h on a socket of its own, with the limits
// changed by tune; see serve.
func serving(t testing.TB, h Handler, tune func(*limits)) (*Server, string) {
	t.Helper()
	l := defaultLimits
	if tune != nil {
		tune(&l)
	}
	s := newServer(h, l)
	return s, serve(t, s)
}

// serve has s serve a socket of its own (see serveOn), and returns its
// path.
func serve(t testing.TB, s *Server) string {
	t.Helper()
	ln, path, err := Listen(shortDir(t))
	if err != nil {
		t.Fatal(err)
	}
	serveOn(t, s, ln)
	return path
}

// serveOn has s serve ln once a course is published; s is closed at the
// test's end and must have stopped cleanly.
func serveOn(t testing.TB, s *Server, ln net.Listener) {
	t.Helper()
	if err := s.Publish(courseJSON(0)); err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(context.Background(), ln) }()
	t.Cleanup(func() {
		s.Close("the test ended")
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
}

// rawClient is a connection that writes what a test says, bad lines
// included, and reads what the server writes back.
type rawClient struct {
	t     testing.TB
	conn  net.Conn
	lines *bufio.Scanner
}

func dialRaw(t testing.TB, path string) *rawClient {
	t.Helper()
	conn, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	lines := bufio.NewScanner(conn)
	lines.Buffer(nil, maxAnswer)
	return &rawClient{t: t, conn: conn, lines: lines}
}

func (c *rawClient) send(data string) {
	c.t.Helper()
	if _, err := c.conn.Write([]byte(data)); err != nil {
		c.t.Logf("write: %v (the server may have refused it at once)", err)
	}
}

// read is the next line the server writes, within wait.
func (c *rawClient) read(wait time.Duration) (message, error) {
	_ = c.conn.SetReadDeadline(time.Now().Add(wait))
	if !c.lines.Scan() {
		if err := c.lines.Err(); err != nil {
			return message{}, err
		}
		return message{}, errClosedEarly
	}
	var m message
	err := json.Unmarshal(c.lines.Bytes(), &m)
	return m, err
}

// closed says whether the server closed the connection, within wait,
// with nothing more written: an end of file, or a reset when it closed with
// some of the client's line unread.
func (c *rawClient) closed(wait time.Duration) bool {
	_, err := c.read(wait)
	return err != nil && !isTimeout(err) && !errors.As(err, new(*json.SyntaxError))
}

// goroutinesBackTo waits up to 5 s for the goroutines to be no more than
// baseline, and fails saying how many are left.
func goroutinesBackTo(t *testing.T, baseline int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > baseline && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > baseline {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines, %d before:\n%s", n, baseline, buf[:runtime.Stack(buf, true)])
	}
}

// spread is the median and the worst of some durations.
func spread(ds []time.Duration) (median, worst time.Duration) {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2], s[len(s)-1]
}

// collect gathers durations from several goroutines.
type collect struct {
	mu sync.Mutex
	ds []time.Duration
}

func (c *collect) add(d time.Duration) {
	c.mu.Lock()
	c.ds = append(c.ds, d)
	c.mu.Unlock()
}
