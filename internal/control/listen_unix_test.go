//go:build unix

package control

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The socket is 0600 and a new state directory 0700, whatever the umask.
func TestListenMakesThemPrivate(t *testing.T) {
	needSockets(t)
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := filepath.Join(shortDir(t), "icetimer")
	ln, path, err := Listen(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	for name, want := range map[string]os.FileMode{dir: os.ModeDir | 0o700, path: os.ModeSocket | 0o600} {
		if info, err := os.Lstat(name); err != nil || info.Mode() != want {
			t.Errorf("%s: %v, %v; want %v", name, info.Mode(), err, want)
		}
	}
}

// Without $XDG_RUNTIME_DIR, a long state directory's socket goes to a
// private directory of the user's in the temporary directory, which must be
// theirs: a link or another user's directory planted there is refused.
func TestRuntimeDirInTheTempDirIsTheUsers(t *testing.T) {
	needSockets(t)
	tmp := shortDir(t)
	t.Setenv("XDG_RUNTIME_DIR", "")
	t.Setenv("TMPDIR", tmp)
	long := filepath.Join(shortDir(t), strings.Repeat("d", 100))
	private := filepath.Join(tmp, fmt.Sprintf("icetimer-%d", os.Getuid()))

	ln, path, err := Listen(long)
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	if filepath.Dir(path) != private {
		t.Fatalf("socket at %s, want one in %s", path, private)
	}
	if info, err := os.Lstat(private); err != nil || info.Mode() != os.ModeDir|0o700 {
		t.Fatalf("%s: %v, %v", private, info.Mode(), err)
	}

	// Loosened since: made private again.
	if err := os.Chmod(private, 0o777); err != nil {
		t.Fatal(err)
	}
	ln, _, err = Listen(long)
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	if info, _ := os.Lstat(private); info.Mode().Perm() != 0o700 {
		t.Errorf("left %v", info.Mode())
	}

	// A link planted in its place.
	os.RemoveAll(private)
	if err := os.Symlink(shortDir(t), private); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Listen(long); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("with a link planted: %v", err)
	}

	// Another user's directory; and $XDG_RUNTIME_DIR of another user's is
	// passed over for the temporary directory.
	if os.Getuid() != 0 {
		t.Skip("the rest needs root, to give a directory to another user")
	}
	os.Remove(private)
	if err := os.Mkdir(private, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(private, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Listen(long); err == nil || !strings.Contains(err.Error(), "belongs to another user") {
		t.Errorf("with another user's directory: %v", err)
	}
	os.Remove(private)
	theirs := shortDir(t)
	if err := os.Chown(theirs, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_RUNTIME_DIR", theirs)
	ln, path, err = Listen(long)
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	if filepath.Dir(path) != private {
		t.Errorf("with another user's XDG_RUNTIME_DIR: socket at %s, want one in %s", path, private)
	}
}
