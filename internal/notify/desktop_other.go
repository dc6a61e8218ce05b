//go:build !linux

package notify

import (
	"context"

	"github.com/gen2brain/beeep"
)

// AppName is the application name the desktop shows with each notification.
const AppName = "icetimer"

// Desktop is the Notifier for the user's desktop, through beeep. Its calls
// cannot be cancelled and can block for as long as the desktop takes (beeep
// has no timeout and no context): use it behind a Dispatcher, which answers
// in time anyway. It has no buttons and cannot withdraw, so Notification.Tag
// and Notification.Ack mean nothing here.
type Desktop struct{}

// NewDesktop returns the desktop notifier.
func NewDesktop() *Desktop {
	// beeep reads its app name from a package variable; it is set before
	// any call can be running.
	beeep.AppName = AppName
	return &Desktop{}
}

// Notify shows n; ctx is not heeded (see Desktop).
//
// beeep's Notify always sends urgency normal; the only way it sends urgency
// critical is Alert, so urgent notifications go through Alert, which also
// plays the system sound on macOS and Windows.
func (*Desktop) Notify(_ context.Context, n Notification) error {
	if err := desktopReachable(); err != nil {
		return err
	}
	if n.Urgent {
		return beeep.Alert(n.Title, n.Body, "")
	}
	return beeep.Notify(n.Title, n.Body, "")
}
