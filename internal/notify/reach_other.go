//go:build !linux

package notify

// desktopReachable is always nil off Linux: macOS and Windows have a desktop
// to notify whenever there is a user session, and beeep reaches it by
// running a command or a system call, not through a bus it could launch.
func desktopReachable() error { return nil }
