//go:build windows

package session

import (
	"errors"
	"os"
)

// ackSignal: Windows has no signal for another process to catch.
var ackSignal os.Signal

// SignalAck cannot reach another process on Windows.
func SignalAck(int) error {
	return errors.New("on Windows, acknowledge in the icetimer window (a) or on the notification")
}
