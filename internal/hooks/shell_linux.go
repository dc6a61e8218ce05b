package hooks

import (
	"context"
	"os/exec"
	"syscall"
)

// shell runs line through sh under a reaper: this program again, which
// makes itself the subreaper of everything the hook starts and ends all of
// it when sh exits or when it is told to stop (see reap). A process group
// alone loses what leaves it (setsid, a daemon's double fork), and a
// subreaper in this process would inherit those as children it did not
// start, beside its own. The reaper has a group of its own, killed after
// it as a last resort, and dies with this process (Pdeathsig), ending the
// hook with it.
func shell(ctx context.Context, line string, env []string) *exec.Cmd {
	// /proc/self/exe still runs after an upgrade replaced the file.
	cmd := exec.CommandContext(ctx, "/proc/self/exe", line)
	cmd.Args[0] = reaperName
	cmd.Env = append(env, reaperEnv+"=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	return cmd
}
