package rundir

import (
	"fmt"
	"os"
	"path/filepath"
)

// Dir is the user's runtime directory: icetimer in the user's temporary
// directory (%TEMP%, under the user's profile).
func Dir() (string, error) {
	d := filepath.Join(os.TempDir(), "icetimer")
	if err := os.MkdirAll(d, perm); err != nil {
		return "", fmt.Errorf("cannot make %s: %w", d, err)
	}
	return d, nil
}
