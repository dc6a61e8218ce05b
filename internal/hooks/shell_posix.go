//go:build unix && !linux

package hooks

import (
	"context"
	"os/exec"
	"syscall"
)

// shell runs line through sh in a process group of its own, so that the
// limit kills whatever it started too (a player, a sleep), not just sh.
// This system has no subreaper: a child that leaves the group (setsid)
// is not followed.
func shell(ctx context.Context, line string, env []string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", line)
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	return cmd
}
