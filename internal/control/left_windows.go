package control

import "net"

// clientLeft says whether the client has closed its side of conn. Windows
// has no peek that cannot wait here, so it always says no: there, a request
// whose client gave up at its deadline may still be applied.
func clientLeft(net.Conn) bool { return false }
