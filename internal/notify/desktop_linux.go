package notify

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
)

// AppName is the application name the desktop shows with each notification.
const AppName = "icetimer"

// What the notifications carry besides their text.
const (
	// appIcon is icetimer's own icon, which the packages install into the
	// hicolor theme, and desktopEntry its desktop entry
	// (icetimer.desktop), by which desktops such as GNOME group the
	// notifications under icetimer. Without the packages (go install) the
	// server finds neither and shows its own default.
	appIcon      = "icetimer"
	desktopEntry = "icetimer"
	// urgentImage is the image of an urgent notification: a themed name from
	// the freedesktop icon naming specification, which every icon theme has,
	// so a "remove the pack" reminder stands out by a warning sign even
	// where icetimer's icon is not installed.
	urgentImage = "dialog-warning"
	// ackAction is the key of the acknowledge button; ActionInvoked names it.
	ackAction = "ack"
)

// Desktop is the Notifier for the user's desktop: on Linux, the
// org.freedesktop.Notifications server on the session bus, called through
// godbus. Every call ends when its context does; the connection is made at
// the first notification, within DefaultTimeout, and made again after the bus
// fails. It also acknowledges (Acknowledged) and withdraws (Withdraw).
//
// Urgent notifications ask the server to keep them up until dismissed
// (urgency critical, no expiry) and carry a warning icon.
type Desktop struct {
	connectTimeout time.Duration
	acks           chan string

	dialing sync.Mutex // one connection attempt at a time

	mu     sync.Mutex // guards what follows, which the signal listener reads too
	conn   *bus       // nil until connected, and after a failure
	shown  map[string]shown
	closed bool
}

// shown is what the server said of the latest notification with a Tag.
type shown struct {
	id  uint32 // the server's id, which replaces_id and the signals name
	ack bool   // it carries the acknowledge button
}

// NewDesktop returns the desktop notifier. It connects to nothing yet.
func NewDesktop() *Desktop {
	return &Desktop{
		connectTimeout: DefaultTimeout,
		// A few acknowledgements may wait for the reader; more are dropped
		// (see listen).
		acks:  make(chan string, 8),
		shown: map[string]shown{},
	}
}

// Notify shows n, in place of the notification last shown with the same
// Tag. When there is no session bus it fails at once with ErrNoDesktop
// (see desktopReachable).
func (d *Desktop) Notify(ctx context.Context, n Notification) error {
	conn, err := d.connection(ctx)
	if err != nil {
		return err
	}
	var replaces uint32
	if n.Tag != "" {
		d.mu.Lock()
		replaces = d.shown[n.Tag].id
		d.mu.Unlock()
	}
	var id uint32
	if err := call(ctx, conn, "Notify", notifyArgs(n, replaces), &id); err != nil {
		d.failed(conn, err)
		return fmt.Errorf("notification server: %w", err)
	}
	if n.Tag != "" {
		d.mu.Lock()
		d.shown[n.Tag] = shown{id: id, ack: n.Ack != ""}
		d.mu.Unlock()
	}
	return nil
}

// notifyArgs are the arguments of the Notify method for n: app_name,
// replaces_id, app_icon, summary, body, actions, hints, expire_timeout.
func notifyArgs(n Notification, replaces uint32) []any {
	urgency, expire := byte(1), int32(-1) // -1: the server's default
	if n.Urgent {
		urgency, expire = 2, 0 // 0: never expires
	}
	actions := []string{}
	if n.Ack != "" && n.Tag != "" {
		actions = []string{ackAction, n.Ack}
	}
	hints := map[string]dbus.Variant{
		"urgency":       dbus.MakeVariant(urgency),
		"desktop-entry": dbus.MakeVariant(desktopEntry),
	}
	if n.Urgent {
		// The specification shows image-path before app_icon: the warning
		// sign is the picture, icetimer's icon still names the sender.
		hints["image-path"] = dbus.MakeVariant(urgentImage)
	}
	return []any{AppName, replaces, appIcon, n.Title, n.Body, actions, hints, expire}
}

// Withdraw closes the notification last shown with tag; an unknown tag is
// nothing to do.
func (d *Desktop) Withdraw(ctx context.Context, tag string) error {
	d.mu.Lock()
	s, ok := d.shown[tag]
	d.mu.Unlock()
	if !ok {
		return nil
	}
	conn, err := d.connection(ctx)
	if err != nil {
		return err
	}
	err = call(ctx, conn, "CloseNotification", []any{s.id})
	var answer dbus.Error
	if err != nil && !errors.As(err, &answer) {
		d.failed(conn, err)
		return fmt.Errorf("notification server: %w", err)
	}
	// The server answered: closed, or (an error answer) already gone, as
	// when the person dismissed it. Either way the next one with this tag is
	// a new notification.
	d.mu.Lock()
	if d.shown[tag] == s {
		delete(d.shown, tag)
	}
	d.mu.Unlock()
	return nil
}

// Acknowledged receives the Tag of each notification whose acknowledge button
// was pressed (see listen). It is never closed.
func (d *Desktop) Acknowledged() <-chan string { return d.acks }

// Close drops the connection; Notify and Withdraw fail with ErrClosed after.
func (d *Desktop) Close() error {
	d.mu.Lock()
	conn := d.conn
	d.conn, d.closed = nil, true
	d.mu.Unlock()
	if conn != nil {
		return conn.Close()
	}
	return nil
}

// connection is the live connection, made anew (within connectTimeout) when
// there is none.
func (d *Desktop) connection(ctx context.Context) (*bus, error) {
	d.dialing.Lock()
	defer d.dialing.Unlock()
	d.mu.Lock()
	conn, closed := d.conn, d.closed
	d.mu.Unlock()
	switch {
	case closed:
		return nil, ErrClosed
	case conn != nil && conn.usable():
		return conn, nil
	}
	ctx, cancel := context.WithTimeout(ctx, d.connectTimeout)
	defer cancel()
	conn, signals, err := dial(ctx)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		conn.Close()
		return nil, ErrClosed
	}
	d.conn = conn
	go d.listen(signals)
	return conn, nil
}

// failed drops conn after err when err says it no longer works, so that the
// next call connects again.
func (d *Desktop) failed(conn *bus, err error) {
	if !connectionBroken(conn, err) {
		return
	}
	d.mu.Lock()
	if d.conn == conn {
		d.conn = nil
	}
	d.mu.Unlock()
	conn.Close()
}
