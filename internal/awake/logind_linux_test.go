package awake_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/icetimer/icetimer/internal/awake"
)

// wait bounds what a test waits for: far longer than anything takes.
const wait = 10 * time.Second

// skipOrFail skips a test that cannot run here, unless CI=true, where not
// running is a failure.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and this test cannot run: "+format, args...)
	}
	t.Skipf(format, args...)
}

// logindMock is python-dbusmock's logind on a private bus that the test
// process takes for its system bus (shared/docs/REAL-PARTS.md).
type logindMock struct {
	conn      *dbus.Conn
	address   string
	daemonPID int
}

func startLogind(t *testing.T) *logindMock {
	t.Helper()
	m := startBus(t)
	mock := exec.Command("/usr/bin/python3", "-m", "dbusmock", "--system", "--template", "logind", "-l", filepath.Join(t.TempDir(), "logind.log"))
	if err := mock.Start(); err != nil {
		t.Fatalf("python-dbusmock: %v", err)
	}
	t.Cleanup(func() {
		mock.Process.Signal(syscall.SIGTERM)
		mock.Wait()
	})
	m.until(t, "logind on the bus", func() bool {
		var has bool
		m.call(t, m.conn.BusObject(), "org.freedesktop.DBus.NameHasOwner", []any{"org.freedesktop.login1"}, &has)
		return has
	})
	return m
}

// startBus starts a private bus that the test process takes for its
// system bus, with no logind on it yet.
func startBus(t *testing.T) *logindMock {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a bus daemon and python-dbusmock")
	}
	for _, tool := range []string{"dbus-daemon", "/usr/bin/python3", "gdbus"} {
		if _, err := exec.LookPath(tool); err != nil {
			skipOrFail(t, "%s is missing (apt-get install dbus python3-dbusmock libglib2.0-bin): %v", tool, err)
		}
	}
	if err := exec.Command("/usr/bin/python3", "-c", "import dbusmock").Run(); err != nil {
		skipOrFail(t, "python3-dbusmock is missing (apt-get install python3-dbusmock): %v", err)
	}
	out, err := exec.Command("dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1").Output()
	lines := strings.Fields(string(out))
	if err != nil || len(lines) != 2 {
		t.Fatalf("dbus-daemon: %v, %q", err, out)
	}
	m := &logindMock{address: lines[0]}
	m.daemonPID, _ = strconv.Atoi(lines[1])
	t.Cleanup(func() {
		syscall.Kill(m.daemonPID, syscall.SIGCONT)
		syscall.Kill(m.daemonPID, syscall.SIGTERM)
	})
	t.Setenv("DBUS_SYSTEM_BUS_ADDRESS", m.address)
	m.conn, err = dbus.Dial(m.address)
	if err == nil {
		err = m.conn.Auth(nil)
	}
	if err == nil {
		err = m.conn.Hello()
	}
	if err != nil {
		t.Fatalf("connecting to the test's bus: %v", err)
	}
	t.Cleanup(func() { m.conn.Close() })
	return m
}

func (m *logindMock) call(t *testing.T, obj dbus.BusObject, method string, args []any, ret ...any) {
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

// inhibitors is what logind lists now, as "what/mode" words.
func (m *logindMock) inhibitors(t *testing.T) string {
	t.Helper()
	var list []inhibitor
	m.call(t, m.conn.Object("org.freedesktop.login1", "/org/freedesktop/login1"), "org.freedesktop.login1.Manager.ListInhibitors", nil, &list)
	var words []string
	for _, i := range list {
		if i.Who != "icetimer" {
			t.Errorf("an inhibitor for %q: %+v", i.Who, i)
		}
		words = append(words, i.What+"/"+i.Mode+" "+strconv.Quote(i.Why))
	}
	return strings.Join(words, ", ")
}

// until waits for ok, for at most wait.
func (m *logindMock) until(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(wait); !ok(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %s", what, wait)
		}
	}
}

// emitPrepareForSleep has the mock send PrepareForSleep(start), with gdbus
// as a person's script would.
func (m *logindMock) emitPrepareForSleep(t *testing.T, start bool) {
	t.Helper()
	out, err := exec.Command("gdbus", "call", "--system", "--dest", "org.freedesktop.login1", "--object-path", "/org/freedesktop/login1",
		"--method", "org.freedesktop.DBus.Mock.EmitSignal", "org.freedesktop.login1.Manager", "PrepareForSleep", "b",
		"[<"+strconv.FormatBool(start)+">]").CombinedOutput()
	if err != nil {
		t.Fatalf("gdbus: %v: %s", err, out)
	}
}

func answer(t *testing.T, c <-chan error) error {
	t.Helper()
	select {
	case err := <-c:
		return err
	case <-time.After(wait):
		t.Fatal("no answer")
		return nil
	}
}

const why = "Ice pack on until 14:20"

// The inhibitors are taken at Hold (logind lists them) and given back at
// Release (it lists none).
func TestHoldAndRelease(t *testing.T) {
	m := startLogind(t)
	k := awake.New(awake.Options{})
	defer k.Close()
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatal(err)
	}
	want := `sleep:idle/block "` + why + `", sleep/delay "` + why + `"`
	if got := m.inhibitors(t); got != want {
		t.Fatalf("held: logind lists %s; want %s", got, want)
	}
	if err := answer(t, k.Hold(why)); err != nil || m.inhibitors(t) != want {
		t.Fatalf("holding twice: %v, %s", err, m.inhibitors(t))
	}
	if err := answer(t, k.Release()); err != nil {
		t.Fatal(err)
	}
	m.until(t, "release", func() bool { return m.inhibitors(t) == "" })
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatal(err)
	}
	k.Close()
	m.until(t, "release at Close", func() bool { return m.inhibitors(t) == "" })
}

// PrepareForSleep(true), sent as a closed lid makes logind send it,
// reaches Sleeping; Ready lets the sleep go (the delay inhibitor goes),
// the block one stays, and after the wake the delay one is taken again.
func TestTheComputerGoingToSleep(t *testing.T) {
	m := startLogind(t)
	k := awake.New(awake.Options{SleepDelay: time.Hour})
	defer k.Close()
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatal(err)
	}
	emitted := time.Now()
	m.emitPrepareForSleep(t, true)
	select {
	case <-k.Sleeping():
		t.Logf("Sleeping %s after gdbus was run", time.Since(emitted))
	case <-time.After(wait):
		t.Fatal("PrepareForSleep(true) did not reach Sleeping")
	}
	k.Ready()
	m.until(t, "the delay inhibitor to go", func() bool { return m.inhibitors(t) == `sleep:idle/block "`+why+`"` })
	m.emitPrepareForSleep(t, false)
	m.until(t, "the delay inhibitor again", func() bool { return strings.Contains(m.inhibitors(t), "sleep/delay") })
}

// Without Ready, the sleep goes on by itself after SleepDelay.
func TestASleepIsNotHeldForever(t *testing.T) {
	m := startLogind(t)
	k := awake.New(awake.Options{SleepDelay: 200 * time.Millisecond})
	defer k.Close()
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatal(err)
	}
	m.emitPrepareForSleep(t, true)
	<-k.Sleeping()
	m.until(t, "the delay inhibitor to go", func() bool { return !strings.Contains(m.inhibitors(t), "sleep/delay") })
}

// A bus that stops answering costs the timeout, never more, and says so.
func TestAFrozenBus(t *testing.T) {
	m := startLogind(t)
	k := awake.New(awake.Options{Timeout: 300 * time.Millisecond})
	defer k.Close()
	syscall.Kill(m.daemonPID, syscall.SIGSTOP)
	defer syscall.Kill(m.daemonPID, syscall.SIGCONT)
	start := time.Now()
	err := answer(t, k.Hold(why))
	took := time.Since(start)
	t.Logf("Hold on a frozen bus: %v after %s", err, took)
	if err == nil || errors.Is(err, awake.ErrUnavailable) || took > 2*time.Second {
		t.Fatalf("Hold on a frozen bus: %v after %s, want a timeout within about 300ms", err, took)
	}
}

// With no system bus, Hold says so once and does nothing after.
func TestNoSystemBus(t *testing.T) {
	t.Setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	k := awake.New(awake.Options{})
	defer k.Close()
	err := answer(t, k.Hold(why))
	if !errors.Is(err, awake.ErrUnavailable) || !strings.Contains(err.Error(), "no system bus") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("no system bus: %v", err)
	}
	t.Logf("the one line: %v", err)
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatalf("holding again: %v, want nothing", err)
	}
	if err := answer(t, k.Release()); err != nil {
		t.Fatalf("releasing: %v", err)
	}
}

// A system bus without logind (a container): Hold says so once.
func TestNoLogind(t *testing.T) {
	startBus(t)
	k := awake.New(awake.Options{})
	defer k.Close()
	err := answer(t, k.Hold(why))
	if !errors.Is(err, awake.ErrUnavailable) || !strings.Contains(err.Error(), "logind is not on the system bus") {
		t.Fatalf("no logind: %v", err)
	}
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatalf("holding again: %v, want nothing", err)
	}
}
