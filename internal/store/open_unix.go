//go:build unix

package store

import "syscall"

// openFlags are added to every open of a file in the state directory: never
// follow a symbolic link (a link planted there would have icetimer write
// through it, as root to /etc), and never wait for a writer when the file is
// a named pipe (openFile refuses it once open).
const openFlags = syscall.O_NOFOLLOW | syscall.O_NONBLOCK
