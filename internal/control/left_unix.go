//go:build unix

package control

import (
	"net"
	"syscall"

	"golang.org/x/sys/unix"
)

// clientLeft says whether the client has closed its side of conn: it gave
// up waiting (see Do), so its request must not be applied. It peeks without
// waiting and without taking anything from the connection.
func clientLeft(conn net.Conn) bool {
	sc, ok := conn.(syscall.Conn)
	if !ok {
		return false
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	left := false
	_ = raw.Control(func(fd uintptr) {
		var b [1]byte
		n, _, err := unix.Recvfrom(int(fd), b[:], unix.MSG_PEEK|unix.MSG_DONTWAIT)
		left = err == nil && n == 0 // end of file: nothing more will come
	})
	return left
}
