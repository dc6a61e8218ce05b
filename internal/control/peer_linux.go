package control

import (
	"fmt"
	"net"

	"golang.org/x/sys/unix"
)

// checkPeer refuses a client that runs as another user than uid, as the
// kernel recorded it when the client connected (SO_PEERCRED); root gets no
// exception. The 0700 directory and the 0600 socket keep others out already:
// this holds should either be loosened.
func checkPeer(conn net.Conn, uid int) error {
	uc, ok := conn.(*net.UnixConn)
	if !ok {
		return nil // not a unix socket (a test's pipe): nothing to ask
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return notYoursError(err)
	}
	var cred *unix.Ucred
	ctlErr := raw.Control(func(fd uintptr) {
		cred, err = unix.GetsockoptUcred(int(fd), unix.SOL_SOCKET, unix.SO_PEERCRED)
	})
	switch {
	case ctlErr != nil:
		return notYoursError(ctlErr)
	case err != nil:
		return notYoursError(err)
	case int(cred.Uid) != uid:
		return &RefusalError{Code: CodeNotYours, Message: notYours}
	}
	return nil
}

// notYoursError refuses a client whose user could not be told.
func notYoursError(err error) error {
	return &RefusalError{Code: CodeNotYours, Message: fmt.Sprintf("cannot tell which user connected: %v", err)}
}
