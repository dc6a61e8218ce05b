package notify

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestNoBusIsErrNoDesktopAtOnce(t *testing.T) {
	// Not unset: with dbus-launch installed, an unset address could make a
	// careless client launch a bus (see with-notify-server).
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	desk := NewDesktop()
	defer desk.Close()
	begin := time.Now()
	err := desk.Notify(t.Context(), Notification{Title: "x"})
	if !errors.Is(err, ErrNoDesktop) {
		t.Fatalf("got %v, want ErrNoDesktop", err)
	}
	// At once: no connection is tried, so no timeout is waited for. The
	// bound is half the timeout, so that a loaded machine cannot fail it.
	took := time.Since(begin)
	if took > DefaultTimeout/2 {
		t.Errorf("took %v, want at once (well within the %v timeout)", took, DefaultTimeout)
	}
	t.Logf("ErrNoDesktop after %v", took)
}

// TestSilentBusConnectGivesUp connects to a "bus" that accepts and never
// says a word, as a frozen dbus-daemon would.
func TestSilentBusConnectGivesUp(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out a connection timeout on a real socket")
	}
	sock := filepath.Join(t.TempDir(), "bus")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		if c, err := l.Accept(); err == nil {
			accepted <- c
		}
	}()
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+sock)

	desk := NewDesktop()
	defer desk.Close()
	const connectTimeout = 100 * time.Millisecond
	desk.connectTimeout = connectTimeout
	begin := time.Now()
	returned := make(chan error, 1)
	go func() { returned <- desk.Notify(context.Background(), Notification{Title: "x"}) }()
	select {
	case err = <-returned:
	case <-time.After(5 * time.Second):
		t.Fatal("Notify still connecting after 5 s")
	}
	took := time.Since(begin)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want the connection timeout", err)
	}
	if took < connectTimeout || took > connectTimeout+time.Second {
		t.Errorf("gave up after %v, want the connection timeout (%v)", took, connectTimeout)
	}

	// Nothing is left waiting on the silent bus: the client closed its end.
	var c net.Conn
	select {
	case c = <-accepted:
	case <-time.After(5 * time.Second):
		t.Fatal("the client never connected")
	}
	defer c.Close()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 4096)
	for {
		if _, err := c.Read(buf); err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, net.ErrClosed) {
				t.Fatalf("the client's end is still open 5 s after it gave up: %v", err)
			}
			break // EOF: closed
		}
	}

	// Behind a Dispatcher that is a timeout, answered within its own bound.
	d := NewDispatcher(desk, Config{Timeout: time.Second})
	defer d.Close()
	if r := receive(t, d.Send(Notification{Title: "x"})); r.Outcome != TimedOut || r.Took > time.Second {
		t.Errorf("through a Dispatcher: got %+v, want TimedOut within the connection timeout", r)
	}
}
