//go:build unix

package store

import (
	"errors"
	"syscall"
)

// openFlags are added to every open of a file in the state directory: never
// follow a symbolic link (a link planted there would have icetimer write
// through it, as root to /etc), and never wait for a writer when the file is
// a named pipe (openFile refuses it once open).
const openFlags = syscall.O_NOFOLLOW | syscall.O_NONBLOCK

// readOnlyFS says err is a file that cannot be opened for writing because
// the state directory cannot be written: a read-only file system, or no
// permission.
func readOnlyFS(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM)
}

// alive says whether process pid runs (or cannot be told of: it is then
// taken to run).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
