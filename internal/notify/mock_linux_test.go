package notify

// The harness of TestDesktopWithMockServer: it runs this test binary again
// under shared/tools/with-notify-server (a private session bus and
// python3-dbusmock's notification server), and reads what the mock received
// through the mock's own D-Bus interface.

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// underMockEnv is set in the test process that runs under the tool.
const underMockEnv = "ICETIMER_NOTIFY_UNDER_MOCK"

// skipOrFail skips a test that cannot run here, unless CI=true, where not
// running is a failure.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and this test cannot run: "+format, args...)
	}
	t.Skipf(format, args...)
}

// runUnderMock runs the test t again in a test process of its own under
// with-notify-server, and passes or fails with it. The tool installs its
// dependencies with apt when they are missing; when it cannot, the test is
// skipped (failed under CI=true).
func runUnderMock(t *testing.T) {
	t.Helper()
	top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		skipOrFail(t, "cannot find the repository's top: %v", err)
	}
	tool := filepath.Join(strings.TrimSpace(string(top)), "..", "shared", "tools", "with-notify-server")
	if _, err := os.Stat(tool); err != nil {
		skipOrFail(t, "no notification server tool: %v (shared/ must sit beside the repository)", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tool, "-o", filepath.Join(t.TempDir(), "notifications.jsonl"), "--",
		os.Args[0], "-test.run", "^"+t.Name()+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), underMockEnv+"=1")
	// TERM lets the tool stop the bus and the mock it started.
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.CombinedOutput()
	if !strings.Contains(string(out), "=== RUN   "+t.Name()) {
		skipOrFail(t, "%s did not run the test (%v):\n%s", tool, err, out)
	}
	if err != nil {
		t.Fatalf("under %s: %v\n%s", tool, err, out)
	}
	t.Logf("under %s:\n%s", tool, out)
}

// mock is the mock notification server, as a client of the same bus.
type mock struct {
	conn *dbus.Conn
	obj  dbus.BusObject
}

func connectMock(t *testing.T) *mock {
	t.Helper()
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatalf("connecting to the tool's session bus: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return &mock{conn: conn, obj: conn.Object(serverName, serverPath)}
}

// mockCall bounds every call to the mock, so a test never hangs on it.
func (m *mock) call(t *testing.T, method string, args []any, ret ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	if err := m.obj.CallWithContext(ctx, method, 0, args...).Store(ret...); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

// clear forgets the calls the mock received so far.
func (m *mock) clear(t *testing.T) {
	t.Helper()
	m.call(t, "org.freedesktop.DBus.Mock.ClearCalls", nil)
}

// received is one Notify call as the mock received it.
type received struct {
	app, icon, summary, body string
	replaces                 uint32
	actions                  []string
	hints                    map[string]dbus.Variant
	expire                   int32
}

// urgency is the urgency hint, -1 when absent or not a byte.
func (r received) urgency() int {
	if u, ok := r.hints["urgency"].Value().(byte); ok {
		return int(u)
	}
	return -1
}

// calls are the arguments of the calls of method the mock received.
func (m *mock) calls(t *testing.T, method string) [][]dbus.Variant {
	t.Helper()
	var log []struct {
		At   uint64
		Args []dbus.Variant
	}
	m.call(t, "org.freedesktop.DBus.Mock.GetMethodCalls", []any{method}, &log)
	var out [][]dbus.Variant
	for _, c := range log {
		out = append(out, c.Args)
	}
	return out
}

// notified are the Notify calls the mock received.
func (m *mock) notified(t *testing.T) []received {
	t.Helper()
	var out []received
	for _, a := range m.calls(t, "Notify") {
		if len(a) != 8 {
			t.Fatalf("Notify with %d arguments: %v", len(a), a)
		}
		var r received
		for i, dst := range []any{&r.app, &r.replaces, &r.icon, &r.summary, &r.body, &r.actions, &r.hints, &r.expire} {
			if err := dbus.Store([]any{a[i].Value()}, dst); err != nil {
				t.Fatalf("Notify argument %d (%v): %v", i, a[i], err)
			}
		}
		out = append(out, r)
	}
	return out
}

// summaries are the summaries of the Notify calls the mock received.
func (m *mock) summaries(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, n := range m.notified(t) {
		out = append(out, n.summary)
	}
	return out
}

// emit has the mock send one of the server's signals.
func (m *mock) emit(t *testing.T, name, signature string, args ...any) {
	t.Helper()
	var vs []dbus.Variant
	for _, a := range args {
		vs = append(vs, dbus.MakeVariant(a))
	}
	m.call(t, "org.freedesktop.DBus.Mock.EmitSignal", []any{serverInterface, name, signature, vs})
}

// pid is the process of the bus name's owner, as the bus knows it:
// serverName for the mock, org.freedesktop.DBus for the bus daemon.
func (m *mock) pid(t *testing.T, name string) int {
	t.Helper()
	var pid uint32
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	err := m.conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.GetConnectionUnixProcessID", 0, name).Store(&pid)
	if err != nil {
		t.Fatalf("the pid of %s: %v", name, err)
	}
	return int(pid)
}

// freeze stops the process pid until the returned func (also called when t
// ends) lets it go on.
func freeze(t *testing.T, pid int) (thaw func()) {
	t.Helper()
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatalf("SIGSTOP %d: %v", pid, err)
	}
	var once sync.Once
	thaw = func() { once.Do(func() { syscall.Kill(pid, syscall.SIGCONT) }) }
	t.Cleanup(thaw)
	return thaw
}
