//go:build unix

package rundir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Dir is the user's runtime directory: $XDG_RUNTIME_DIR when it is set and the
// user's, else icetimer-UID in the temporary directory, made private. Anyone
// may create that name in a shared /tmp first, so it is used only when it
// is a directory (not a link) that belongs to this user.
func Dir() (string, error) {
	if d := os.Getenv("XDG_RUNTIME_DIR"); filepath.IsAbs(d) && ownDir(d) == nil {
		return d, nil
	}
	d := filepath.Join(os.TempDir(), fmt.Sprintf("icetimer-%d", os.Getuid()))
	if err := os.Mkdir(d, perm); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("cannot make %s: %w", d, err)
	}
	if err := ownDir(d); err != nil {
		return "", err
	}
	if err := os.Chmod(d, perm); err != nil {
		return "", fmt.Errorf("cannot make %s private: %w", d, err)
	}
	return d, nil
}

// ownDir is an error unless d is a directory, not a link, of this user's.
func ownDir(d string) error {
	info, err := os.Lstat(d)
	if err != nil {
		return err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	switch {
	case !info.IsDir():
		return fmt.Errorf("%s is not a directory (%v): remove it", d, info.Mode().Type())
	case !ok || int(st.Uid) != os.Getuid():
		return fmt.Errorf("%s belongs to another user: icetimer does not put its files there", d)
	}
	return nil
}
