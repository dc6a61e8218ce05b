package notify

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// desktopReachable reports ErrNoDesktop when there is certainly no session
// bus to reach, so that no attempt is made: in particular, no bus is ever
// launched (a client that autolaunches one leaves a dbus-daemon behind).
//
// It follows the usual search (godbus's, and sessionAddress's):
// $DBUS_SESSION_BUS_ADDRESS, else /run/user/UID/bus or
// /run/user/UID/dbus-session. An address made only of unix:path= sockets that
// do not exist is unreachable too; any other address is tried.
func desktopReachable() error {
	return reachable(os.Getenv("DBUS_SESSION_BUS_ADDRESS"), fmt.Sprintf("/run/user/%d", os.Getuid()))
}

func reachable(address, runtimeDir string) error {
	if address == "" || address == "autolaunch:" {
		for _, f := range []string{"bus", "dbus-session"} {
			if exists(runtimeDir + "/" + f) {
				return nil
			}
		}
		return ErrNoDesktop
	}
	for _, a := range strings.Split(address, ";") {
		path, ok := unixPath(a)
		if !ok || exists(path) {
			return nil
		}
	}
	return ErrNoDesktop
}

// unixPath is the socket of a "unix:path=P,key=value" address.
func unixPath(address string) (string, bool) {
	params, ok := strings.CutPrefix(address, "unix:")
	if !ok {
		return "", false
	}
	return addressValue(params, "path")
}

// addressValue is the value of key in an address's "key=value,..." part,
// unescaped.
func addressValue(params, key string) (string, bool) {
	for _, kv := range strings.Split(params, ",") {
		if v, ok := strings.CutPrefix(kv, key+"="); ok {
			return unescape(v), true
		}
	}
	return "", false
}

// unescape undoes D-Bus address escaping (%XX for any byte).
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if c, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(c))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
