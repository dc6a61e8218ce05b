//go:build linux || darwin

package speech

import "os/exec"

// hide does nothing here: only Windows opens a window for a program.
func hide(*exec.Cmd) {}
