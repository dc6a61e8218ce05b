package awake

import (
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"time"
)

// caffeinate keeps a Mac from idle sleep with caffeinate(8): -i prevents
// idle sleep, -w PID ends it with this process, so that a crash does not
// keep the Mac awake for good.
type caffeinate struct {
	pid int
	cmd *exec.Cmd
	// exited is closed once cmd was waited for.
	exited chan struct{}
}

func newInhibitor(o Options, _ func(bool)) inhibitor { return &caffeinate{pid: o.PID} }

func (c *caffeinate) hold(string, time.Duration) error {
	if c.cmd != nil {
		select {
		case <-c.exited: // it died: start another
		default:
			return nil
		}
	}
	cmd := exec.Command("caffeinate", "-i", "-w", strconv.Itoa(c.pid))
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return fmt.Errorf("%w: no caffeinate (%v)", ErrUnavailable, err)
		}
		return fmt.Errorf("starting caffeinate: %w", err)
	}
	c.cmd, c.exited = cmd, make(chan struct{})
	go func(cmd *exec.Cmd, exited chan struct{}) {
		cmd.Wait()
		close(exited)
	}(cmd, c.exited)
	return nil
}

func (c *caffeinate) release() error {
	if c.cmd == nil {
		return nil
	}
	c.cmd.Process.Kill() // the one this Keeper started, by its own handle
	<-c.exited
	c.cmd = nil
	return nil
}

func (c *caffeinate) proceed() {}

func (c *caffeinate) rearm(time.Duration) error { return nil }
