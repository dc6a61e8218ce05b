//go:build !windows

package hooks

import (
	"context"
	"os/exec"
	"syscall"
)

// shell runs line through sh in a process group of its own, so that the
// limit kills whatever it started too (a player, a sleep), not just sh.
func shell(ctx context.Context, line string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", line)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	return cmd
}
