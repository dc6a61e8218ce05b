//go:build unix

package hooks

import (
	"os/exec"
	"syscall"
)

// endGroup kills what is left in the process group of the hook that ran
// as cmd, once it has exited: a child it left running in the background.
// (The group is named by the hook's process ID, which the system could
// give to another process once the hook is reaped; only one that made
// itself a group leader in that instant would be hit.)
func endGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
