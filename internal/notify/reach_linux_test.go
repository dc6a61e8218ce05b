package notify

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
)

func TestReachable(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "bus socket")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	emptyRuntime := t.TempDir()
	runtimeWithBus := t.TempDir()
	if err := os.WriteFile(filepath.Join(runtimeWithBus, "bus"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	escaped := "unix:path=" + filepath.Join(dir, "bus%20socket") + ",guid=1234"
	missing := "unix:path=" + filepath.Join(dir, "missing")

	for _, tc := range []struct {
		name, address, runtime string
		want                   error
	}{
		{"no address, no runtime bus", "", emptyRuntime, ErrNoDesktop},
		{"autolaunch, no runtime bus", "autolaunch:", emptyRuntime, ErrNoDesktop},
		{"no address, runtime bus", "", runtimeWithBus, nil},
		{"missing socket", missing, emptyRuntime, ErrNoDesktop},
		{"existing socket, escaped", escaped, emptyRuntime, nil},
		{"missing then existing", missing + ";" + escaped, emptyRuntime, nil},
		{"abstract socket is tried", "unix:abstract=/tmp/dbus-x", emptyRuntime, nil},
		{"tcp is tried", "tcp:host=localhost,port=1", emptyRuntime, nil},
	} {
		if got := reachable(tc.address, tc.runtime); !errors.Is(got, tc.want) {
			t.Errorf("%s (%q): got %v, want %v", tc.name, tc.address, got, tc.want)
		}
	}
}
