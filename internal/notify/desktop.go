package notify

import "github.com/gen2brain/beeep"

// AppName is the application name the desktop shows with each notification.
const AppName = "icetimer"

// Desktop is the Notifier for the user's desktop, through beeep. Its calls
// can block for as long as the notification server takes (beeep has no
// timeout): use it behind a Dispatcher.
type Desktop struct{}

// NewDesktop returns the desktop notifier.
func NewDesktop() Desktop {
	// beeep reads its app name from a package variable; it is set before
	// any call can be running.
	beeep.AppName = AppName
	return Desktop{}
}

// Notify shows n. When there is no desktop session to reach it fails at once
// with ErrNoDesktop instead of trying (see desktopReachable).
//
// beeep's Notify always sends urgency normal; the only way it sends urgency
// critical is Alert, so urgent notifications go through Alert. On Linux,
// Alert also beeps after a delivered notification: 200 ms on the PC speaker
// when /dev/input/by-path/platform-pcspkr-event-spkr is writable, otherwise a
// BEL byte (0x07) written to os.Stdout. That bell is wanted (the urgent
// reminders are the remove-the-pack ones); it means stdout can carry a BEL
// between lines. On macOS and Windows, Alert plays the system sound.
func (Desktop) Notify(n Notification) error {
	if err := desktopReachable(); err != nil {
		return err
	}
	if n.Urgent {
		return beeep.Alert(n.Title, n.Body, "")
	}
	return beeep.Notify(n.Title, n.Body, "")
}
