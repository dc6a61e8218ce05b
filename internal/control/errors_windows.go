package control

import (
	"errors"
	"syscall"

	"golang.org/x/sys/windows"
)

// nobodyListens says a dial failed because no process serves the socket
// file (it is stale, or not a socket), as opposed to one that is busy.
func nobodyListens(err error) bool {
	return errors.Is(err, windows.WSAECONNREFUSED) || errors.Is(err, syscall.ENOENT) ||
		errors.Is(err, windows.ERROR_FILE_NOT_FOUND) || errors.Is(err, windows.ERROR_PATH_NOT_FOUND)
}

// backlogFull says a dial failed because the server's queue of connections
// not yet accepted is full: it is busy, not gone.
func backlogFull(err error) bool { return errors.Is(err, windows.WSAEWOULDBLOCK) }

// mayPass says an Accept error is one that passes (out of sockets or
// memory, a connection reset before it was accepted).
func mayPass(err error) bool {
	for _, e := range []syscall.Errno{windows.WSAEMFILE, windows.WSAENOBUFS, windows.WSAECONNRESET, windows.WSAECONNABORTED} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// readOnly says err is a directory that cannot be written.
func readOnly(err error) bool { return errors.Is(err, windows.ERROR_ACCESS_DENIED) }
