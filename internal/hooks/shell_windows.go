package hooks

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

// shell runs line through cmd /C, passed as written (Go's quoting of
// arguments is not cmd's). The limit kills the whole tree with taskkill,
// the nearest Windows has to a process group; the process itself when
// taskkill cannot.
func shell(ctx context.Context, line string, env []string) *exec.Cmd {
	comspec := os.Getenv("ComSpec")
	if comspec == "" {
		comspec = "cmd.exe"
	}
	cmd := exec.CommandContext(ctx, comspec)
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: `cmd /C ` + line}
	cmd.Cancel = func() error {
		if err := exec.Command("taskkill", "/T", "/F", "/PID", strconv.Itoa(cmd.Process.Pid)).Run(); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	return cmd
}

// endGroup does nothing here: once cmd /C has exited, Windows keeps no
// group of what it left running (a job object would), so a hook's
// background children outlive it.
func endGroup(*exec.Cmd) {}
