package control

import (
	"github.com/icetimer/icetimer/internal/rundir"

	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// socketName is the control socket's name in the state directory.
const socketName = "control.sock"

// dirPerm and socketPerm keep the socket to its user: the directory
// private, and the socket itself whatever the umask.
const (
	dirPerm    = 0o700
	socketPerm = 0o600
)

// liveWait bounds the dial that tells a live socket from a stale one.
const liveWait = time.Second

// ErrInUse: another process serves the control socket already; it drives
// the course, and this one must not take its socket.
var ErrInUse = errors.New("another icetimer serves the control socket")

// Listen opens the control socket for the state directory dir and returns
// its listener and path (the path goes to the lock's holder record, where
// clients find it). The socket is dir/control.sock, or, when that path is
// too long for a socket's address, a socket named for dir in the runtime
// directory ($XDG_RUNTIME_DIR, else a private directory of the user's in
// the temporary directory). A socket file left by a process that died is
// replaced; one that a live process serves is not (ErrInUse). The
// listener's Close removes the socket file, unless another has replaced it.
//
// Windows 10 and later speak unix sockets too, so the same code serves
// there; the permissions are Unix's only.
func Listen(dir string) (net.Listener, string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, "", err
	}
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return nil, "", fmt.Errorf("cannot make the state directory: %w", err)
	}
	path, err := socketPath(dir)
	if err != nil {
		return nil, "", err
	}
	ln, err := listenAt(path)
	if err != nil && readOnly(err) {
		// A state directory that cannot be written (a disk remounted
		// read-only) cannot hold the socket either: the runtime directory
		// does, and the lock's record tells clients where.
		if path, err = rundir.For(dir, "sock"); err == nil {
			ln, err = listenAt(path)
		}
	}
	if err != nil {
		return nil, "", err
	}
	return ln, path, nil
}

// listenAt serves a socket at path, private to its user.
func listenAt(path string) (net.Listener, error) {
	if err := clearStale(path); err != nil {
		return nil, err
	}
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, fmt.Errorf("cannot serve the control socket %s: %w", path, err)
	}
	ln.SetUnlinkOnClose(false) // Close removes it only while it is ours
	if runtime.GOOS != "windows" {
		if err := os.Chmod(path, socketPerm); err != nil { // bind obeys the umask; chmod does not
			ln.Close()
			os.Remove(path)
			return nil, fmt.Errorf("cannot make the control socket private: %w", err)
		}
	}
	info, _ := os.Lstat(path)
	return &socketListener{UnixListener: ln, path: path, info: info}, nil
}

// socketPath is where dir's control socket goes: in dir when the path fits
// a socket's address, else in the runtime directory under a name derived
// from dir.
func socketPath(dir string) (string, error) {
	path := filepath.Join(dir, socketName)
	if fits(path) {
		return path, nil
	}
	path, err := rundir.For(dir, "sock")
	if err != nil {
		return "", fmt.Errorf("the state directory's path is too long for a socket, and %w", err)
	}
	if !fits(path) {
		return "", fmt.Errorf("the control socket's path is too long for a socket address (at most %d bytes): %s", sunPathMax()-1, path)
	}
	return path, nil
}

// fits says whether path fits a socket's address with its terminating NUL.
func fits(path string) bool { return len(path) < sunPathMax() }

// sunPathMax is the room for a path in a socket's address: 108 bytes on
// Linux and Windows, 104 on macOS and the BSDs.
func sunPathMax() int {
	switch runtime.GOOS {
	case "linux", "android", "windows":
		return 108
	}
	return 104
}

// clearStale removes what is at path unless a live process serves it: a
// socket left by a process that died, or anything else put there.
func clearStale(path string) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("cannot check the control socket %s: %w", path, err)
	case info.IsDir():
		return fmt.Errorf("%s is a directory, where icetimer's control socket goes: remove it", path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), liveWait)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", path)
	if err == nil {
		conn.Close()
		return fmt.Errorf("%w (%s)", ErrInUse, path)
	}
	if !nobodyListens(err) {
		return fmt.Errorf("%w (%s does not answer: %v)", ErrInUse, path, err)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("cannot remove the stale control socket: %w", err)
	}
	return nil
}

// socketListener is the control socket's listener: its Close removes the
// socket file.
type socketListener struct {
	*net.UnixListener
	path string
	info os.FileInfo // the socket file as bound, to know it is still ours
}

// Close stops listening and removes the socket file, unless another process
// has put its own in its place.
func (l *socketListener) Close() error {
	err := l.UnixListener.Close()
	if now, serr := os.Lstat(l.path); serr == nil && (l.info == nil || os.SameFile(now, l.info)) {
		os.Remove(l.path)
	}
	return err
}
