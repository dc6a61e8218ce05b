package notify

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync/atomic"
	"time"

	"github.com/godbus/dbus/v5"
)

// The notification server's name, object and interface
// (https://specifications.freedesktop.org/notification-spec/).
const (
	serverName      = "org.freedesktop.Notifications"
	serverPath      = dbus.ObjectPath("/org/freedesktop/Notifications")
	serverInterface = "org.freedesktop.Notifications"
)

// writeGrace is how long a call may outlive its context before its socket
// is closed under it. godbus returns at once when the context ends, except
// when it is still writing the call to the bus: a frozen dbus-daemon whose
// socket buffer is full holds that write forever, and only closing the
// socket frees it.
const writeGrace = 100 * time.Millisecond

// bus is a connection to the session bus and the socket under it, which
// call closes when a write is stuck (see dialSession).
type bus struct {
	*dbus.Conn
	socket net.Conn
	// broken is set once call closed the socket: godbus learns of it only
	// later, from its reading goroutine, and the next call must not find
	// the connection still looking usable.
	broken atomic.Bool
}

// usable reports whether b can still carry calls.
func (b *bus) usable() bool { return !b.broken.Load() && b.Connected() }

// dial connects to the session bus and subscribes to the server's signals,
// giving up when ctx ends: every step that waits on the bus daemon (the
// authentication, Hello, AddMatch) is freed by closing the socket, so no
// goroutine is left behind. The channel receives the server's signals from
// then on; godbus closes it when the connection closes.
func dial(ctx context.Context) (*bus, <-chan *dbus.Signal, error) {
	if err := desktopReachable(); err != nil {
		return nil, nil, err
	}
	socket, err := dialSession(ctx)
	if err != nil {
		return nil, nil, err
	}
	conn, err := dbus.NewConn(socket)
	if err != nil {
		socket.Close()
		return nil, nil, fmt.Errorf("connecting to the session bus: %w", err)
	}
	b := &bus{Conn: conn, socket: socket}
	// Buffered so that godbus, which delivers from its reading goroutine,
	// rarely needs a goroutine of its own per signal.
	signals := make(chan *dbus.Signal, 16)
	stop := context.AfterFunc(ctx, func() { socket.Close() })
	err = conn.Auth(nil)
	if err == nil {
		err = conn.Hello()
	}
	if err == nil {
		conn.Signal(signals)
		err = conn.AddMatchSignalContext(ctx,
			dbus.WithMatchSender(serverName),
			dbus.WithMatchObjectPath(serverPath),
			dbus.WithMatchInterface(serverInterface))
	}
	if !stop() {
		conn.Close()
		return nil, nil, fmt.Errorf("connecting to the session bus: %w", context.Cause(ctx))
	}
	if err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("connecting to the session bus: %w", err)
	}
	return b, signals, nil
}

// call calls the server's method on b and stores its answer in ret. It
// returns by the time ctx ends, or writeGrace after (see writeGrace).
func call(ctx context.Context, b *bus, method string, args []any, ret ...any) error {
	returned := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		select {
		case <-returned:
		case <-time.After(writeGrace):
			b.broken.Store(true)
			b.socket.Close()
		}
	})
	defer stop()
	defer close(returned)
	return b.Object(serverName, serverPath).
		CallWithContext(ctx, serverInterface+"."+method, 0, args...).
		Store(ret...)
}

// connectionBroken reports whether conn must be dropped after err: the
// server's own error answers and a call that merely ran out of time leave a
// working connection, anything else (the bus went away) does not.
func connectionBroken(b *bus, err error) bool {
	if !b.usable() {
		return true
	}
	var answer dbus.Error
	return !errors.As(err, &answer) &&
		!errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled)
}
