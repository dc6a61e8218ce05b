//go:build !unix

package store

import (
	"errors"
	"os"
)

// openFlags are added to every open of a file in the state directory. This
// system has no flag to refuse links when opening: openFile's check of the
// name before opening stands in (a link made in between is followed); on
// Windows named pipes do not live in directories.
const openFlags = 0

// readOnlyFS says err is a file that cannot be opened for writing because
// the state directory cannot be written.
func readOnlyFS(err error) bool { return errors.Is(err, os.ErrPermission) }

// alive says whether process pid runs.
func alive(pid int) bool {
	_, err := os.FindProcess(pid)
	return err == nil
}
