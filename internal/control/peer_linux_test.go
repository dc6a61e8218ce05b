package control

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A client of another user is refused, and the driver never hears of it.
// The server here takes itself for another user, so the test's own client
// is the stranger; the kernel's record of the peer is real.
func TestServerRefusesAnotherUser(t *testing.T) {
	needSockets(t)
	d := newDriver(t)
	s := NewServer(d)
	s.uid = os.Getuid() + 1
	path := serve(t, s)
	c := dialRaw(t, path)
	c.send(`{"v":1,"do":"stop"}` + "\n")
	if m, err := c.read(5 * time.Second); err != nil || m.Code != CodeNotYours {
		t.Fatalf("got %+v, %v; want not-yours", m, err)
	}
	if n := d.calls.Load(); n != 0 {
		t.Errorf("the handler was called %d times", n)
	}
}

// The same with a process that really runs as another user (nobody), the
// socket opened to everyone as a careless chmod would: only root can start
// one.
func TestServerRefusesAProcessOfAnotherUser(t *testing.T) {
	needSockets(t)
	if os.Getuid() != 0 {
		t.Skip("needs root, to run a client as another user")
	}
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and %s is missing", python)
		}
		t.Skipf("%s is missing", python)
	}
	d := newDriver(t)
	_, path := serving(t, d, nil)
	for _, p := range []string{filepath.Dir(path), path} {
		if err := os.Chmod(p, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	client := exec.Command(python, "-c", `
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(5)
s.connect(sys.argv[1])
try:
    s.sendall(b'{"v":1,"do":"stop"}\n')
except BrokenPipeError:
    pass  # refused before the line was read; the refusal is there to read
print(s.makefile().readline(), end="")`, path)
	client.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := client.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !strings.Contains(string(out), `"code":"not-yours"`) {
		t.Fatalf("nobody got %s, want not-yours", out)
	}
	if n := d.calls.Load(); n != 0 {
		t.Errorf("the handler was called %d times", n)
	}
}
