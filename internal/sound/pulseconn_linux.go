package sound

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jfreymuth/pulse/proto"
)

// pulseConn is one connection to a PulseAudio (or pipewire-pulse) server.
//
// It is made here rather than by proto.Connect, which dials without a
// timeout: a server that accepts and never answers, or a TCP address that
// drops packets, would hang it for minutes.
type pulseConn struct {
	net  net.Conn
	c    *proto.Client
	dead atomic.Bool // the server closed the connection
}

// pulseAddr is one place a server may listen.
type pulseAddr struct{ network, addr string }

// pulseServers lists where to look for the server, as libpulse does:
// PULSE_SERVER if set (space-separated entries such as "unix:/path",
// "/path", "tcp:host:port", optionally prefixed "{hostname}"), else the
// session's socket in XDG_RUNTIME_DIR, else the system-wide one.
func pulseServers() []pulseAddr {
	if s, ok := os.LookupEnv("PULSE_SERVER"); ok {
		return parsePulseServer(s)
	}
	var as []pulseAddr
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" {
		as = append(as, pulseAddr{"unix", filepath.Join(d, "pulse", "native")})
	}
	return append(as, pulseAddr{"unix", "/run/pulse/native"})
}

func parsePulseServer(s string) []pulseAddr {
	host, _ := os.Hostname()
	var as []pulseAddr
	for _, f := range strings.Fields(s) {
		if rest, ok := strings.CutPrefix(f, "{"); ok {
			name, after, ok := strings.Cut(rest, "}")
			// An entry for another machine's local server is not ours.
			if !ok || name != host {
				continue
			}
			f = after
		}
		switch {
		case strings.HasPrefix(f, "/"):
			as = append(as, pulseAddr{"unix", f})
		case strings.HasPrefix(f, "unix:"):
			as = append(as, pulseAddr{"unix", f[len("unix:"):]})
		case strings.HasPrefix(f, "tcp4:"), strings.HasPrefix(f, "tcp6:"):
			as = append(as, pulseAddr{f[:4], withPulsePort(f[5:])})
		case strings.HasPrefix(f, "tcp:"):
			as = append(as, pulseAddr{"tcp", withPulsePort(f[4:])})
		case f != "":
			// A bare host name means TCP, as in libpulse.
			as = append(as, pulseAddr{"tcp", withPulsePort(f)})
		}
	}
	return as
}

// withPulsePort adds PulseAudio's default port to an address without one.
func withPulsePort(a string) string {
	if _, _, err := net.SplitHostPort(a); err == nil {
		return a
	}
	return net.JoinHostPort(strings.Trim(a, "[]"), "4713")
}

// pulseCookie is the authentication cookie, where libpulse looks for it. A
// server without cookie authentication (pipewire-pulse, or
// auth-anonymous=1) accepts any 256 bytes.
func pulseCookie() []byte {
	var paths []string
	if p := os.Getenv("PULSE_COOKIE"); p != "" {
		paths = append(paths, p)
	}
	if d := os.Getenv("XDG_CONFIG_HOME"); d != "" {
		paths = append(paths, filepath.Join(d, "pulse", "cookie"))
	}
	if h, err := os.UserHomeDir(); err == nil {
		paths = append(paths, filepath.Join(h, ".config", "pulse", "cookie"), filepath.Join(h, ".pulse-cookie"))
	}
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) == 256 {
			return b
		}
	}
	return make([]byte, 256)
}

// dialPulse connects and authenticates before deadline, trying each server
// address in turn. onMessage, if not nil, also receives what the server
// sends unasked (stream data, events).
func dialPulse(deadline time.Time, onMessage func(any)) (*pulseConn, error) {
	addrs := pulseServers()
	if len(addrs) == 0 {
		return nil, fmt.Errorf("%w: PULSE_SERVER names no usable address", ErrNoServer)
	}
	var errs []error
	for _, a := range addrs {
		pc, err := dialPulseAt(a, deadline, onMessage)
		if err == nil {
			return pc, nil
		}
		errs = append(errs, err)
		if time.Now().After(deadline) {
			break
		}
	}
	return nil, errors.Join(errs...)
}

func dialPulseAt(a pulseAddr, deadline time.Time, onMessage func(any)) (*pulseConn, error) {
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	nc, err := (&net.Dialer{}).DialContext(ctx, a.network, a.addr)
	if err != nil {
		if isTimeout(err) {
			return nil, fmt.Errorf("%w: connecting to %s: %v", ErrTimeout, a.addr, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrNoServer, err)
	}
	pc := &pulseConn{net: nc, c: &proto.Client{}}
	pc.c.Callback = func(m any) {
		// The proto client calls this on a closed connection too: without a
		// callback it would panic.
		if _, ok := m.(*proto.ConnectionClosed); ok {
			pc.dead.Store(true)
		}
		if onMessage != nil {
			onMessage(m)
		}
	}
	// The handshake's reads and writes end at the deadline too; a server
	// that accepts and then says nothing cannot hold us.
	_ = nc.SetDeadline(deadline)
	pc.c.Open(nc)
	if err := pc.handshake(deadline); err != nil {
		pc.close()
		return nil, fmt.Errorf("%w: handshake with %s: %v", errNoServerOrTimeout(err), a.addr, err)
	}
	// The proto client reads on its own goroutine for as long as the
	// connection lives; only the handshake is bounded this way. Each later
	// request gets its own write deadline and reply timeout.
	_ = nc.SetDeadline(time.Time{})
	return pc, nil
}

func (pc *pulseConn) handshake(deadline time.Time) error {
	pc.c.SetTimeout(time.Until(deadline))
	var auth proto.AuthReply
	if err := pc.c.Request(&proto.Auth{Version: pc.c.Version(), Cookie: pulseCookie()}, &auth); err != nil {
		return err
	}
	pc.c.SetVersion(auth.Version)
	props := proto.PropList{
		"application.name":           proto.PropListString("icetimer"),
		"application.id":             proto.PropListString("icetimer"),
		"application.icon_name":      proto.PropListString("alarm-symbolic"),
		"application.process.id":     proto.PropListString(fmt.Sprint(os.Getpid())),
		"application.process.binary": proto.PropListString(filepath.Base(os.Args[0])),
	}
	return pc.c.Request(&proto.SetClientName{Props: props}, &proto.SetClientNameReply{})
}

// request sends one request and waits for its reply, both bounded by
// deadline.
func (pc *pulseConn) request(req proto.RequestArgs, reply proto.Reply, deadline time.Time) error {
	if pc.dead.Load() {
		return fmt.Errorf("%w: the server closed the connection", ErrNoServer)
	}
	_ = pc.net.SetWriteDeadline(deadline)
	pc.c.SetTimeout(time.Until(deadline))
	return pc.c.Request(req, reply)
}

// send writes stream data, bounded by deadline. The proto client drops write
// errors; a connection that failed shows in the next request's error.
func (pc *pulseConn) send(stream uint32, data []byte, deadline time.Time) {
	_ = pc.net.SetWriteDeadline(deadline)
	_ = pc.c.Send(stream, data)
}

func (pc *pulseConn) close() { _ = pc.net.Close() }

// isTimeout reports whether err is a deadline running out.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) ||
		(errors.As(err, &ne) && ne.Timeout())
}

// errNoServerOrTimeout classifies a failed exchange with the server.
func errNoServerOrTimeout(err error) error {
	if isTimeout(err) {
		return ErrTimeout
	}
	return ErrNoServer
}
