package notify

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestDesktopWithMockServer runs the Desktop, behind a Dispatcher, against a
// real notification server: python3-dbusmock's, on a private session bus of
// shared/tools/with-notify-server. Run by itself, it runs itself again under
// the tool (see runUnderMock); it can also be run under the tool directly:
//
//	with-notify-server -- env ICETIMER_NOTIFY_UNDER_MOCK=1 go test -run TestDesktopWithMockServer ./internal/notify
func TestDesktopWithMockServer(t *testing.T) {
	if os.Getenv(underMockEnv) == "" {
		if testing.Short() {
			t.Skip("starts a bus and a mock notification server; run without -short")
		}
		runUnderMock(t)
		return
	}
	m := connectMock(t)
	for _, tc := range []struct {
		name string
		run  func(*testing.T, *mock)
	}{
		{"urgent and normal", testUrgentAndNormal},
		{"same tag replaces", testSameTagReplaces},
		{"acknowledge button", testAcknowledgeButton},
		{"withdraw", testWithdraw},
		{"frozen server", testFrozenServer},
		{"frozen bus", testFrozenBus},
		{"connection lost", testConnectionLost},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m.clear(t)
			tc.run(t, m)
		})
	}
}

// newDesktop is a Desktop behind a Dispatcher, both closed after t.
func newDesktop(t *testing.T, c Config) (*Desktop, *Dispatcher) {
	t.Helper()
	desk := NewDesktop()
	d := NewDispatcher(desk, c)
	t.Cleanup(d.Close)
	return desk, d
}

// delivered sends n and fails t unless the server accepted it.
func delivered(t *testing.T, d *Dispatcher, n Notification) {
	t.Helper()
	if r := receive(t, d.Send(n)); r.Outcome != Delivered {
		t.Fatalf("%+v: got %v (%v), want delivered", n, r.Outcome, r.Err)
	}
}

// idOf is the server's id for the latest notification with tag.
func (d *Desktop) idOf(tag string) uint32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.shown[tag].id
}

func testUrgentAndNormal(t *testing.T, m *mock) {
	_, d := newDesktop(t, Config{})
	delivered(t, d, Notification{Title: "Remove the ice pack", Body: "Now.", Urgent: true, Tag: "off", Ack: "Pack removed"})
	delivered(t, d, Notification{Title: "Put the ice pack on", Body: "Towel first.", Ack: "no tag, no button"})

	got := m.notified(t)
	if len(got) != 2 {
		t.Fatalf("the server received %d notifications, want 2: %+v", len(got), got)
	}
	urgent, normal := got[0], got[1]
	if urgent.app != "icetimer" || urgent.summary != "Remove the ice pack" || urgent.body != "Now." {
		t.Errorf("urgent: app %q summary %q body %q", urgent.app, urgent.summary, urgent.body)
	}
	if urgent.urgency() != 2 || urgent.expire != 0 {
		t.Errorf("urgent: urgency %d, expire_timeout %d; want 2 (critical) and 0 (never expires)", urgent.urgency(), urgent.expire)
	}
	for name, r := range map[string]received{"urgent": urgent, "normal": normal} {
		if r.icon != "icetimer" || r.hints["desktop-entry"].Value() != "icetimer" {
			t.Errorf("%s: app_icon %q, desktop-entry %v; want icetimer's icon and desktop entry", name, r.icon, r.hints["desktop-entry"])
		}
	}
	if urgent.hints["image-path"].Value() != "dialog-warning" {
		t.Errorf("urgent: image-path %v; want the dialog-warning image", urgent.hints["image-path"])
	}
	if image, ok := normal.hints["image-path"]; ok {
		t.Errorf("normal: image-path %v; want none, so icetimer's icon shows", image)
	}
	if want := []string{"ack", "Pack removed"}; !slices.Equal(urgent.actions, want) {
		t.Errorf("urgent: actions %q, want %q", urgent.actions, want)
	}
	if normal.app != "icetimer" || normal.urgency() != 1 || normal.expire != -1 {
		t.Errorf("normal: app %q urgency %d expire_timeout %d; want icetimer, 1, -1 (the server's default)", normal.app, normal.urgency(), normal.expire)
	}
	if len(normal.actions) != 0 {
		t.Errorf("normal, Ack without a Tag: actions %q, want none", normal.actions)
	}
	if urgent.replaces != 0 || normal.replaces != 0 {
		t.Errorf("first notifications replace %d and %d, want 0 (nothing)", urgent.replaces, normal.replaces)
	}
}

func testSameTagReplaces(t *testing.T, m *mock) {
	desk, d := newDesktop(t, Config{})
	delivered(t, d, Notification{Title: "Remove the ice pack", Urgent: true, Tag: "off 14:20"})
	first := desk.idOf("off 14:20")
	if first == 0 {
		t.Fatal("no id remembered for the first notification")
	}
	delivered(t, d, Notification{Title: "Remove the ice pack (again)", Urgent: true, Tag: "off 14:20"})
	delivered(t, d, Notification{Title: "Put the ice pack on", Tag: "on 14:40"})
	delivered(t, d, Notification{Title: "untagged"})
	delivered(t, d, Notification{Title: "untagged"})

	var replaces []uint32
	for _, r := range m.notified(t) {
		replaces = append(replaces, r.replaces)
	}
	if want := []uint32{0, first, 0, 0, 0}; !slices.Equal(replaces, want) {
		t.Errorf("replaces_id of each: %v, want %v (the repeat replaces the first, nothing else replaces)", replaces, want)
	}
}

// acknowledgedTag waits for the next acknowledgement.
func acknowledgedTag(t *testing.T, d *Dispatcher) string {
	t.Helper()
	select {
	case tag := <-d.Acknowledged():
		return tag
	case <-time.After(5 * time.Second):
		t.Fatal("no acknowledgement within 5 s")
		return ""
	}
}

func testAcknowledgeButton(t *testing.T, m *mock) {
	desk, d := newDesktop(t, Config{})
	delivered(t, d, Notification{Title: "a", Urgent: true, Tag: "a", Ack: "Removed"})
	delivered(t, d, Notification{Title: "b", Urgent: true, Tag: "b", Ack: "Removed"})
	delivered(t, d, Notification{Title: "c", Tag: "c"})
	a, b, c := desk.idOf("a"), desk.idOf("b"), desk.idOf("c")

	// Signals come in the order the server sends them, so the ones that must
	// not count go first: the first acknowledgement heard must be b's.
	m.emit(t, "ActionInvoked", "us", a, "default")      // another action
	m.emit(t, "ActionInvoked", "us", c, "ack")          // no button on it
	m.emit(t, "ActionInvoked", "us", a+b+c+1000, "ack") // not ours
	m.emit(t, "NotificationClosed", "uu", a, uint32(2)) // dismissed, not acknowledged
	m.emit(t, "ActionInvoked", "us", b, "ack")
	m.emit(t, "ActionInvoked", "us", a, "ack")
	for _, want := range []string{"b", "a"} {
		if got := acknowledgedTag(t, d); got != want {
			t.Fatalf("acknowledged %q, want %q", got, want)
		}
	}
}

func testWithdraw(t *testing.T, m *mock) {
	desk, d := newDesktop(t, Config{})
	delivered(t, d, Notification{Title: "Remove the ice pack", Urgent: true, Tag: "off", Ack: "Removed"})
	id := desk.idOf("off")
	d.Withdraw("off")
	d.Withdraw("never sent")
	// Done in turn: once this one is answered, both withdrawals are done.
	delivered(t, d, Notification{Title: "Put the ice pack on", Tag: "off"})

	// The mock declares CloseNotification's id an int32 (the specification:
	// uint32) and logs it so: compare the numbers.
	closed := m.calls(t, "CloseNotification")
	if len(closed) != 1 || len(closed[0]) != 1 || fmt.Sprint(closed[0][0].Value()) != fmt.Sprint(id) {
		t.Fatalf("CloseNotification calls %v, want one, with the id %d", closed, id)
	}
	if got := m.notified(t); len(got) != 2 || got[1].replaces != 0 {
		t.Errorf("after withdrawing, the next notification of the tag replaces %d, want 0: it is a new one", got[len(got)-1].replaces)
	}
}

func testFrozenServer(t *testing.T, m *mock) {
	const timeout, abandon = 300 * time.Millisecond, time.Second
	desk, d := newDesktop(t, Config{Timeout: timeout, Abandon: abandon})
	delivered(t, d, Notification{Title: "before"}) // connected: what follows is the server's doing
	conn := desk.conn

	thaw := freeze(t, m.pid(t, serverName))

	begin := time.Now()
	r := receive(t, d.Send(Notification{Title: "frozen"}))
	if r.Outcome != TimedOut || r.Took < timeout || r.Took > timeout+time.Second {
		t.Fatalf("frozen server: got %v after %v (%v), want timed out after the timeout (%v)", r.Outcome, r.Took, r.Err, timeout)
	}
	if r := receive(t, d.Send(Notification{Title: "not tried"})); !errors.Is(r.Err, ErrStuck) {
		t.Fatalf("while the timed-out call waits: got %+v, want ErrStuck", r)
	}
	// The call is given up after Abandon; its goroutine returns and the
	// desktop is tried again (and times out again: still frozen).
	triedAgainAfter(t, d, begin, abandon)
	thaw()
	if r := sendUntil(t, d); r.Outcome != Delivered {
		t.Fatalf("thawed: got %+v, want delivered", r)
	}
	if desk.conn != conn {
		t.Error("a frozen server cost the bus connection; only the bus failing should")
	}
	// The server got the calls that timed out (on the wire before it froze),
	// none that were answered ErrStuck.
	summaries := m.summaries(t)
	if want := []string{"before", "frozen", "probe", "probe"}; !slices.Equal(summaries, want) {
		t.Errorf("the server received %q, want %q", summaries, want)
	}
}

func testConnectionLost(t *testing.T, m *mock) {
	desk, d := newDesktop(t, Config{})
	delivered(t, d, Notification{Title: "Remove the ice pack", Urgent: true, Tag: "off", Ack: "Removed"})
	id := desk.idOf("off")
	// The bus drops us, as when it restarts.
	desk.mu.Lock()
	lost := desk.conn
	desk.mu.Unlock()
	lost.Close()

	delivered(t, d, Notification{Title: "Remove the ice pack (again)", Urgent: true, Tag: "off", Ack: "Removed"})
	if desk.conn == lost {
		t.Fatal("still the lost connection")
	}
	got := m.notified(t)
	if len(got) != 2 || got[1].replaces != id {
		t.Fatalf("the repeat on the new connection: %+v, want it to replace %d", got, id)
	}
	// The new connection listens too.
	m.emit(t, "ActionInvoked", "us", desk.idOf("off"), "ack")
	if tag := acknowledgedTag(t, d); tag != "off" {
		t.Errorf("acknowledged %q, want off", tag)
	}
}

func testFrozenBus(t *testing.T, m *mock) {
	const timeout, abandon = 300 * time.Millisecond, time.Second
	desk, d := newDesktop(t, Config{Timeout: timeout, Abandon: abandon})
	desk.connectTimeout = timeout
	delivered(t, d, Notification{Title: "before"})
	first := desk.conn

	thaw := freeze(t, m.pid(t, "org.freedesktop.DBus"))
	// Far more than the socket buffers hold: its write cannot end while the
	// bus daemon does not read.
	begin := time.Now()
	r := receive(t, d.Send(Notification{Title: "too big to write", Body: strings.Repeat("x", 8<<20)}))
	if r.Outcome != TimedOut || r.Took > timeout+time.Second {
		t.Fatalf("frozen bus: got %v after %v (%v), want timed out after the timeout (%v)", r.Outcome, r.Took, r.Err, timeout)
	}
	// After Abandon the stuck write is freed by closing the socket; the
	// next notification is tried on a new connection, which the frozen bus
	// does not accept either: it times out connecting.
	triedAgainAfter(t, d, begin, abandon)
	thaw()
	if r := sendUntil(t, d); r.Outcome != Delivered {
		t.Fatalf("thawed: got %+v, want delivered", r)
	}
	if desk.conn == first {
		t.Error("still the connection whose write was stuck")
	}
	// The cut-off call never reaches the server. The probe that timed out
	// connecting may: its call lives on until Abandon, and when the thaw
	// comes before its own connect timeout ends, it connects and delivers.
	summaries := m.summaries(t)
	if !slices.Equal(summaries, []string{"before", "probe"}) && !slices.Equal(summaries, []string{"before", "probe", "probe"}) {
		t.Errorf("the server received %q, want \"before\" then the probes: the cut-off one never reached it", summaries)
	}
}

// triedAgainAfter sends until the desktop is tried again after a stuck call
// that began at begin, which must be Abandon later at the earliest, and fails
// unless that try times out too (the server or bus is still frozen).
func triedAgainAfter(t *testing.T, d *Dispatcher, begin time.Time, abandon time.Duration) {
	t.Helper()
	r := sendUntil(t, d)
	if r.Outcome != TimedOut {
		t.Fatalf("after Abandon: got %+v, want a new try that times out", r)
	}
	if waited := time.Since(begin) - r.Took; waited < abandon {
		t.Errorf("tried again %v after the stuck call began, want after Abandon (%v)", waited, abandon)
	}
}
