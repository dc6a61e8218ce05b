package control

import (
	"fmt"
	"os"
	"path/filepath"
)

// runtimeDir is a directory of the user's own for a socket whose path in
// the state directory is too long: icetimer in the user's temporary
// directory (%TEMP%, under the user's profile).
func runtimeDir() (string, error) {
	d := filepath.Join(os.TempDir(), "icetimer")
	if err := os.MkdirAll(d, dirPerm); err != nil {
		return "", fmt.Errorf("cannot make %s: %w", d, err)
	}
	return d, nil
}
