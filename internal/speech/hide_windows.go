package speech

import (
	"os/exec"
	"syscall"
)

// createNoWindow keeps a console program from opening a window of its own
// when icetimer runs without one (a background run).
const createNoWindow = 0x08000000

// hide runs cmd with no window of its own.
func hide(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
}
