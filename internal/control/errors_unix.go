//go:build unix

package control

import (
	"errors"
	"syscall"
)

// nobodyListens says a dial failed because no process serves the socket
// file (it is stale, or not a socket), as opposed to one that is busy.
func nobodyListens(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOENT) || errors.Is(err, syscall.ENOTSOCK)
}

// backlogFull says a dial failed because the server's queue of connections
// not yet accepted is full: it is busy, not gone.
func backlogFull(err error) bool { return errors.Is(err, syscall.EAGAIN) }

// mayPass says an Accept error is one that passes (out of file descriptors
// or memory, a connection aborted before it was accepted).
func mayPass(err error) bool {
	for _, e := range []syscall.Errno{syscall.EMFILE, syscall.ENFILE, syscall.ENOBUFS, syscall.ENOMEM, syscall.ECONNABORTED, syscall.EINTR} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// readOnly says err is a directory that cannot be written: a read-only
// file system, or no permission.
func readOnly(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM)
}
