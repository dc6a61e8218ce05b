package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// appName is the name of icetimer's directory inside the state directory.
const appName = "icetimer"

// Dir is the directory icetimer keeps its state in: $XDG_STATE_HOME/icetimer
// when XDG_STATE_HOME is an absolute path (on every system, as the XDG spec
// says relative ones are ignored); otherwise ~/.local/state/icetimer on Linux
// and other Unix systems, ~/Library/Application Support/icetimer on macOS and
// %LocalAppData%\icetimer on Windows.
func Dir() (string, error) {
	if x := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, appName), nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, appName), nil
		}
		return "", errors.New("cannot find the state directory: %LocalAppData% is not set")
	case "darwin", "ios":
		d, err := os.UserConfigDir() // ~/Library/Application Support
		if err != nil {
			return "", err
		}
		return filepath.Join(d, appName), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("cannot find the state directory: neither XDG_STATE_HOME nor HOME is set")
	}
	return filepath.Join(home, ".local", "state", appName), nil
}
