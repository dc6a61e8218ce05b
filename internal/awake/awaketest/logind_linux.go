// Package awaketest runs python-dbusmock's logind on a private D-Bus daemon
// that the test process takes for its system bus (shared/docs/REAL-PARTS.md),
// so that keeping the computer awake is tested against logind's own API:
// the inhibitors it lists, and the PrepareForSleep signal a closed lid
// makes it send. The processes a test starts inherit the bus.
package awaketest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// Wait bounds what a test waits for: far longer than anything takes.
const Wait = 10 * time.Second

// Bus is a private bus taken for the system bus, with logind on it or not.
type Bus struct {
	conn      *dbus.Conn
	daemonPID int
	// Address is the bus's address, the test's DBUS_SYSTEM_BUS_ADDRESS.
	Address string
}

// SkipOrFail skips a test that cannot run here, unless CI=true, where not
// running is a failure.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and this test cannot run: "+format, args...)
	}
	t.Skipf(format, args...)
}

// StartLogind starts a private system bus with python-dbusmock's logind on
// it; the test's end stops both.
func StartLogind(t testing.TB) *Bus {
	t.Helper()
	b := StartBus(t)
	mock := exec.Command("/usr/bin/python3", "-m", "dbusmock", "--system", "--template", "logind", "-l", filepath.Join(t.TempDir(), "logind.log"))
	if err := mock.Start(); err != nil {
		t.Fatalf("python-dbusmock: %v", err)
	}
	t.Cleanup(func() {
		mock.Process.Signal(syscall.SIGTERM)
		mock.Wait()
	})
	b.Until(t, "logind on the bus", func() bool {
		var has bool
		b.call(t, b.conn.BusObject(), "org.freedesktop.DBus.NameHasOwner", []any{"org.freedesktop.login1"}, &has)
		return has
	})
	return b
}

// StartBus starts a private bus that the test process takes for its
// system bus, with no logind on it yet. It skips under -short.
func StartBus(t testing.TB) *Bus {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a bus daemon and python-dbusmock")
	}
	for _, tool := range []string{"dbus-daemon", "/usr/bin/python3", "gdbus"} {
		if _, err := exec.LookPath(tool); err != nil {
			SkipOrFail(t, "%s is missing (apt-get install dbus python3-dbusmock libglib2.0-bin): %v", tool, err)
		}
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import dbusmock").Run(); err != nil {
		SkipOrFail(t, "python3-dbusmock is missing (apt-get install python3-dbusmock): %v", err)
	}
	out, err := exec.Command("dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1").Output()
	lines := strings.Fields(string(out))
	if err != nil || len(lines) != 2 {
		t.Fatalf("dbus-daemon: %v, %q", err, out)
	}
	b := &Bus{Address: lines[0]}
	b.daemonPID, _ = strconv.Atoi(lines[1])
	t.Cleanup(func() {
		syscall.Kill(b.daemonPID, syscall.SIGCONT)
		syscall.Kill(b.daemonPID, syscall.SIGTERM)
	})
	t.Setenv("DBUS_SYSTEM_BUS_ADDRESS", b.Address)
	b.conn, err = dbus.Dial(b.Address)
	if err == nil {
		err = b.conn.Auth(nil)
	}
	if err == nil {
		err = b.conn.Hello()
	}
	if err != nil {
		t.Fatalf("connecting to the test's bus: %v", err)
	}
	t.Cleanup(func() { b.conn.Close() })
	return b
}

// Freeze stops the bus daemon (SIGSTOP) until the returned func thaws it:
// a bus that stops answering.
func (b *Bus) Freeze() (thaw func()) {
	syscall.Kill(b.daemonPID, syscall.SIGSTOP)
	return func() { syscall.Kill(b.daemonPID, syscall.SIGCONT) }
}

func (b *Bus) call(t testing.TB, obj dbus.BusObject, method string, args []any, ret ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := obj.CallWithContext(ctx, method, 0, args...).Store(ret...); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

// inhibitor is one row of ListInhibitors: what, who, why, mode, uid, pid.
type inhibitor struct {
	What, Who, Why, Mode string
	UID, PID             uint32
}

// Inhibitors is what logind lists now, as `what/mode "why"` words joined
// by ", "; an inhibitor taken by another than icetimer fails the test.
func (b *Bus) Inhibitors(t testing.TB) string {
	t.Helper()
	var list []inhibitor
	b.call(t, b.conn.Object("org.freedesktop.login1", "/org/freedesktop/login1"), "org.freedesktop.login1.Manager.ListInhibitors", nil, &list)
	var words []string
	for _, i := range list {
		if i.Who != "icetimer" {
			t.Errorf("an inhibitor for %q: %+v", i.Who, i)
		}
		words = append(words, i.What+"/"+i.Mode+" "+strconv.Quote(i.Why))
	}
	return strings.Join(words, ", ")
}

// Until waits for ok, for at most Wait.
func (b *Bus) Until(t testing.TB, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(Wait); !ok(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %s", what, Wait)
		}
	}
}

// EmitPrepareForSleep has logind send PrepareForSleep(start), with gdbus
// as a person's script would.
func (b *Bus) EmitPrepareForSleep(t testing.TB, start bool) {
	t.Helper()
	out, err := exec.Command("gdbus", "call", "--system", "--dest", "org.freedesktop.login1", "--object-path", "/org/freedesktop/login1",
		"--method", "org.freedesktop.DBus.Mock.EmitSignal", "org.freedesktop.login1.Manager", "PrepareForSleep", "b",
		"[<"+strconv.FormatBool(start)+">]").CombinedOutput()
	if err != nil {
		t.Fatalf("gdbus: %v: %s", err, out)
	}
}
