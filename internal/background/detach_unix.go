//go:build !windows

package background

import "syscall"

// detached puts the process in a session of its own: closing the terminal
// does not hang it up.
func detached() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setsid: true} }
