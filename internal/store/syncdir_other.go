//go:build !linux

package store

import "os"

// syncDir flushes dir's entries to disk where the system allows it. It is
// best effort here: macOS may refuse a full flush on a directory and Windows
// cannot open one for flushing, and neither means the rename failed.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}
