package notify

import (
	"context"
	"fmt"
	"net"
	"os"
	"strings"
)

// dialSession opens the session bus's socket. It does so itself, rather than
// through godbus, to hold the net.Conn: closing it is the one way to free a
// write that a frozen dbus-daemon holds, since godbus's own Close waits for
// that write to end first. Only an address of the kinds below can be dialled;
// a session bus address is one of them in practice.
func dialSession(ctx context.Context) (net.Conn, error) {
	address := sessionAddress()
	err := fmt.Errorf("no address to dial in %q", address)
	for _, a := range strings.Split(address, ";") {
		network, addr, ok := socketOf(a)
		if !ok {
			continue
		}
		var c net.Conn
		if c, err = (&net.Dialer{}).DialContext(ctx, network, addr); err == nil {
			return c, nil
		}
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("connecting to the session bus: %w", err)
	}
	return nil, fmt.Errorf("%w: %w", ErrNoDesktop, err)
}

// sessionAddress is the session bus's address, found as godbus would
// (see desktopReachable) but never launching a bus.
func sessionAddress() string {
	if a := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return a
	}
	runtimeDir := fmt.Sprintf("/run/user/%d", os.Getuid())
	if exists(runtimeDir + "/bus") {
		return "unix:path=" + runtimeDir + "/bus"
	}
	// dbus-session holds a line "DBUS_SESSION_BUS_ADDRESS=address".
	if b, err := os.ReadFile(runtimeDir + "/dbus-session"); err == nil {
		if a, ok := strings.CutPrefix(string(b), "DBUS_SESSION_BUS_ADDRESS="); ok {
			return strings.TrimRight(a, "\r\n")
		}
	}
	return ""
}

// socketOf is what net.Dial needs for one bus address: unix:path=,
// unix:abstract= or tcp:host=,port=.
func socketOf(address string) (network, addr string, ok bool) {
	transport, params, _ := strings.Cut(address, ":")
	switch transport {
	case "unix":
		if p, ok := addressValue(params, "path"); ok {
			return "unix", p, true
		}
		if name, ok := addressValue(params, "abstract"); ok {
			return "unix", "@" + name, true
		}
	case "tcp":
		host, _ := addressValue(params, "host")
		port, hasPort := addressValue(params, "port")
		if hasPort {
			return "tcp", net.JoinHostPort(host, port), true
		}
	}
	return "", "", false
}
