package control

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func pause(path string) error {
	r, err := Do(context.Background(), path, Request{Do: Pause})
	if err == nil && !r.OK {
		err = r.Err()
	}
	return err
}

func TestListenPutsTheSocketInTheStateDir(t *testing.T) {
	needSockets(t)
	dir := shortDir(t)
	ln, path, err := Listen(dir)
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "control.sock") {
		t.Errorf("path %s", path)
	}
	serveOn(t, NewServer(newDriver(t)), ln)
	if err := pause(path); err != nil {
		t.Fatal(err)
	}
}

// A state directory whose socket path is too long for an address has its
// socket in the runtime directory, under a name of its own.
func TestLongStateDirFallsBackToTheRuntimeDir(t *testing.T) {
	needSockets(t)
	runtimeDir := shortDir(t)
	t.Setenv("XDG_RUNTIME_DIR", runtimeDir)
	long := filepath.Join(shortDir(t), strings.Repeat("d", 100))
	ln, path, err := Listen(long)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d-byte state directory: socket at %s", len(long), path)
	if filepath.Dir(path) != runtimeDir || !strings.HasPrefix(filepath.Base(path), "icetimer-") || !fits(path) {
		t.Fatalf("socket at %s, want one in %s", path, runtimeDir)
	}
	serveOn(t, NewServer(newDriver(t)), ln)
	if err := pause(path); err != nil {
		t.Fatal(err)
	}
	// The same directory always gets the same socket; another its own.
	if again, err := socketPath(long); err != nil || again != path {
		t.Errorf("the same directory again: %s, %v", again, err)
	}
	if other, err := socketPath(long + "2"); err != nil || other == path {
		t.Errorf("another directory: %s, %v", other, err)
	}
}

// A socket left by a process that died is replaced, as is anything else
// planted at its path; a directory there is refused.
func TestListenReplacesAStaleSocket(t *testing.T) {
	needSockets(t)
	dir := shortDir(t)
	path := filepath.Join(dir, socketName)
	dead, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	dead.SetUnlinkOnClose(false)
	dead.Close()
	if _, err := os.Lstat(path); err != nil {
		t.Fatal("the stale socket is not there:", err)
	}
	ln, _, err := Listen(dir)
	if err != nil {
		t.Fatalf("over a stale socket: %v", err)
	}
	ln.Close()

	if err := os.WriteFile(path, []byte("planted"), 0o600); err != nil {
		t.Fatal(err)
	}
	ln, _, err = Listen(dir)
	if err != nil {
		t.Fatalf("over a regular file: %v", err)
	}
	serveOn(t, NewServer(newDriver(t)), ln)
	if err := pause(path); err != nil {
		t.Fatal(err)
	}

	dir = shortDir(t)
	if err := os.Mkdir(filepath.Join(dir, socketName), 0o700); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Listen(dir); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("over a directory: %v", err)
	}
}

// A socket a live process serves is never taken, and keeps serving.
func TestListenDoesNotStealALiveSocket(t *testing.T) {
	needSockets(t)
	dir := shortDir(t)
	ln, path, err := Listen(dir)
	if err != nil {
		t.Fatal(err)
	}
	serveOn(t, NewServer(newDriver(t)), ln)
	before, _ := os.Lstat(path)
	if second, _, err := Listen(dir); !errors.Is(err, ErrInUse) {
		if second != nil {
			second.Close()
		}
		t.Fatalf("a second Listen: %v, want ErrInUse", err)
	}
	after, err := os.Lstat(path)
	if err != nil || !os.SameFile(before, after) {
		t.Fatalf("the live socket was replaced: %v", err)
	}
	if err := pause(path); err != nil {
		t.Fatal(err)
	}
}

// Close removes the socket file, but not one another process put there.
func TestCloseRemovesOnlyItsOwnSocket(t *testing.T) {
	needSockets(t)
	dir := shortDir(t)
	old, path, err := Listen(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("after Close: %v", err)
	}

	old, _, err = Listen(dir)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(path) // as if someone cleaned up, and another driver came
	ln, _, err := Listen(dir)
	if err != nil {
		t.Fatal(err)
	}
	serveOn(t, NewServer(newDriver(t)), ln)
	old.Close()
	if err := pause(path); err != nil {
		t.Fatalf("the new driver's socket went with the old listener: %v", err)
	}
}
