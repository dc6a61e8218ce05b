package hooks

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// reaperEnv, set to 1, makes this program the reaper of one hook instead
// of icetimer (see init); reaperName is the reaper's name in ps.
const (
	reaperEnv  = "ICETIMER_HOOK_REAPER"
	reaperName = "icetimer-hook"
)

// init turns this process into a hook's reaper when shell started it so;
// it never returns then. Any program that links this package (icetimer,
// its tests) can be the reaper, so it needs nothing from main.
func init() {
	if os.Getenv(reaperEnv) == "1" && len(os.Args) == 2 && os.Args[0] == reaperName {
		os.Exit(reap(os.Args[1]))
	}
}

// reap runs line through sh as the subreaper of all it starts: a process
// whose parent dies becomes this one's child, not init's, however it left
// the hook's group or session. When sh exits, or on SIGTERM (the limit,
// Close), SIGINT or SIGHUP (icetimer died), every one left is killed and
// reaped. The exit status is sh's, or 128 plus the signal that ended it.
func reap(line string) int {
	os.Unsetenv(reaperEnv) // an icetimer the hook runs is icetimer
	if err := unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); err != nil {
		fmt.Fprintf(os.Stderr, "icetimer: what the hook leaves running may outlive it: %v\n", err)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	sh, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", line}, &syscall.ProcAttr{Env: os.Environ(), Files: []uintptr{0, 1, 2}})
	if err != nil {
		fmt.Fprintf(os.Stderr, "icetimer: cannot run the hook: %v\n", err)
		return 127
	}
	go func() {
		<-stop
		killChildren() // sh among them: the wait below ends
	}()
	status := waitShell(sh)
	endAll()
	switch {
	case status.Exited():
		return status.ExitStatus()
	case status.Signaled():
		return 128 + int(status.Signal())
	}
	return 1
}

// waitShell waits for the child pid and says how it ended, reaping the
// other children that end meanwhile (orphans given to this reaper).
func waitShell(pid int) syscall.WaitStatus {
	for {
		var status syscall.WaitStatus
		got, err := syscall.Wait4(-1, &status, 0, nil)
		switch {
		case errors.Is(err, syscall.EINTR):
		case err != nil:
			return status
		case got == pid:
			return status
		}
	}
}

// endAll kills every process the hook left and reaps it, until none is
// left: each one's own children come to this reaper when it dies, and are
// killed in the next round.
func endAll() {
	for {
		some := killChildren()
		flags := 0
		if !some { // none seen, yet one may be on its way here: look again
			flags = syscall.WNOHANG
		}
		got, err := syscall.Wait4(-1, nil, flags, nil)
		switch {
		case errors.Is(err, syscall.ECHILD):
			return
		case got == 0:
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// killChildren kills every child of this process and reports whether
// there was one.
func killChildren() bool {
	kids := children()
	for _, pid := range kids {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	return len(kids) > 0
}

// children lists the processes whose parent is this one, from /proc.
func children() []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	me := os.Getpid()
	var kids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if parent(pid) == me {
			kids = append(kids, pid)
		}
	}
	return kids
}

// parent is the parent of process pid, 0 when it is gone. In
// /proc/PID/stat the parent follows the state, after the command's name
// in parentheses, which may itself hold spaces and parentheses.
func parent(pid int) int {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return 0
	}
	fields := bytes.Fields(stat[i+1:])
	if len(fields) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(string(fields[1]))
	return ppid
}
