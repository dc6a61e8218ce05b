//go:build !windows

package session

import (
	"fmt"
	"os"
	"syscall"
)

// ackSignal is how `icetimer ack` reaches the process driving the course.
var ackSignal os.Signal = syscall.SIGUSR1

// SignalAck asks the process pid, which drives the course, to record an
// acknowledgement.
func SignalAck(pid int) error {
	if pid <= 0 {
		return fmt.Errorf("the process driving the course is not known")
	}
	return syscall.Kill(pid, syscall.SIGUSR1)
}
