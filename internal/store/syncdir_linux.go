package store

import "os"

// syncDir flushes dir's entries (a rename, a new file) to disk, so that they
// survive a power cut as well as a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
