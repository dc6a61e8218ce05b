package awake

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/godbus/dbus/v5"
)

// logind's name, object and interface on the system bus
// (https://www.freedesktop.org/software/systemd/man/latest/org.freedesktop.login1.html).
const (
	logindName      = "org.freedesktop.login1"
	logindPath      = dbus.ObjectPath("/org/freedesktop/login1")
	logindInterface = "org.freedesktop.login1.Manager"
	who             = "icetimer"
)

// logind holds logind's inhibitors. Each is a file descriptor: closing it
// lets go. They outlive the bus connection, which is kept only for the
// PrepareForSleep signal while held.
type logind struct {
	onSleep      func(start bool)
	conn         *dbus.Conn
	why          string
	block, delay *os.File
}

func newInhibitor(_ Options, onSleep func(bool)) inhibitor { return &logind{onSleep: onSleep} }

func (l *logind) hold(why string, timeout time.Duration) error {
	if l.block != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := l.connect(ctx); err != nil {
		return err
	}
	block, err := l.inhibit(ctx, "sleep:idle", why, "block")
	if err != nil {
		l.release()
		return err
	}
	l.block, l.why = block, why
	if l.delay, err = l.inhibit(ctx, "sleep", why, "delay"); err != nil {
		l.release()
		return err
	}
	return nil
}

// connect opens a private connection to the system bus and subscribes to
// PrepareForSleep. Every step that waits on the bus ends with ctx: closing
// the connection frees it.
func (l *logind) connect(ctx context.Context) error {
	conn, err := dbus.SystemBusPrivate()
	if err != nil {
		return fmt.Errorf("%w: no system bus (%v)", ErrUnavailable, err)
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	if err = conn.Auth(nil); err == nil {
		err = conn.Hello()
	}
	if err == nil {
		err = conn.AddMatchSignalContext(ctx, dbus.WithMatchSender(logindName), dbus.WithMatchObjectPath(logindPath),
			dbus.WithMatchInterface(logindInterface), dbus.WithMatchMember("PrepareForSleep"))
	}
	if err != nil {
		conn.Close()
		return fmt.Errorf("the system bus: %w", causeOf(ctx, err))
	}
	signals := make(chan *dbus.Signal, 4)
	conn.Signal(signals)
	go l.listen(signals)
	l.conn = conn
	return nil
}

// listen passes PrepareForSleep on until the connection closes (godbus
// then closes signals).
func (l *logind) listen(signals <-chan *dbus.Signal) {
	for s := range signals {
		if s.Name != logindInterface+".PrepareForSleep" || len(s.Body) != 1 {
			continue
		}
		if start, ok := s.Body[0].(bool); ok {
			l.onSleep(start)
		}
	}
}

// inhibit asks logind for an inhibitor and returns its descriptor.
func (l *logind) inhibit(ctx context.Context, what, why, mode string) (*os.File, error) {
	var fd dbus.UnixFD
	err := l.conn.Object(logindName, logindPath).CallWithContext(ctx, logindInterface+".Inhibit", 0, what, who, why, mode).Store(&fd)
	var answer dbus.Error
	switch {
	case errors.As(err, &answer) && (answer.Name == "org.freedesktop.DBus.Error.ServiceUnknown" || answer.Name == "org.freedesktop.DBus.Error.NameHasNoOwner"):
		return nil, fmt.Errorf("%w: logind is not on the system bus", ErrUnavailable)
	case err != nil:
		return nil, fmt.Errorf("logind's Inhibit(%s, %s): %w", what, mode, causeOf(ctx, err))
	}
	syscall.CloseOnExec(int(fd)) // a hook's leftover child must not keep the computer awake
	return os.NewFile(uintptr(fd), "logind inhibitor "+what+" "+mode), nil
}

func (l *logind) release() error {
	l.proceed()
	if l.block != nil {
		l.block.Close()
		l.block = nil
	}
	if l.conn != nil {
		l.conn.Close()
		l.conn = nil
	}
	return nil
}

func (l *logind) proceed() {
	if l.delay != nil {
		l.delay.Close()
		l.delay = nil
	}
}

func (l *logind) rearm(timeout time.Duration) error {
	if l.block == nil || l.delay != nil || l.conn == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var err error
	l.delay, err = l.inhibit(ctx, "sleep", l.why, "delay")
	return err
}

// causeOf says "no answer within" rather than "context deadline exceeded"
// or the closed connection's error, when the time ran out.
func causeOf(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return errors.New("no answer in time")
	}
	return err
}
