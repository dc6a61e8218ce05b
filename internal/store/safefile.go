package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Bounds on what a state file may hold, so that a huge file (or a device
// that never ends) is refused rather than read into memory: far more than
// icetimer writes.
const (
	maxStateSize    = 16 << 20
	maxRemindedSize = 4 << 10
	maxSafetySize   = 4 << 10
)

// errTooLarge is wrapped by readFile's error for a file over its bound.
var errTooLarge = errors.New("more than icetimer ever writes")

// openFile opens path, a file in the state directory, with flag (and perm
// when creating), only if it is a regular file: never through a symbolic
// link, and never a named pipe, a device or a directory, whose reading could
// hang, never end, or touch something outside the directory.
func openFile(path string, flag int) (*os.File, error) {
	if err := checkRegular(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, flag|openFlags, filePerm)
	if err != nil {
		// Replaced since it was checked: say what it is now, if that is why.
		if cerr := checkRegular(path); cerr != nil {
			return nil, cerr
		}
		return nil, err
	}
	if err := checkOpened(path, f); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// checkRegular is an error when path names something other than a regular
// file; nil when it is one or does not exist.
func checkRegular(path string) error {
	info, err := os.Lstat(path)
	if err != nil || info.Mode().IsRegular() {
		return nil
	}
	return notRegular(path, info.Mode())
}

// checkOpened is an error when f, opened from path, is not a regular file:
// what openFile's check of the name cannot rule out, a swap in between.
func checkOpened(path string, f *os.File) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return notRegular(path, info.Mode())
	}
	return nil
}

// notRegular says, in one line, what path is instead of a regular file and
// what to do.
func notRegular(path string, mode fs.FileMode) error {
	what := fmt.Sprintf("is not a regular file (%v)", mode.Type())
	switch {
	case mode&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link; icetimer does not follow links in its state directory: remove it", path)
	case mode.IsDir():
		what = "is a directory"
	case mode&fs.ModeNamedPipe != 0:
		what = "is a named pipe"
	case mode&fs.ModeDevice != 0:
		what = "is a device"
	case mode&fs.ModeSocket != 0:
		what = "is a socket"
	}
	return fmt.Errorf("%s %s, not a file icetimer wrote: remove it", path, what)
}

// readFile reads the regular file at path, refusing one larger than limit
// with an error wrapping errTooLarge.
func readFile(path string, limit int64) ([]byte, error) {
	f, err := openFile(path, os.O_RDONLY)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The size is checked as read, not from Stat: the file may grow. Stat
	// only sizes the buffer, so that a large file is not copied as it grows.
	var buf bytes.Buffer
	if info, err := f.Stat(); err == nil {
		buf.Grow(int(min(info.Size(), limit)) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("it is over %d KiB, %w", limit>>10, errTooLarge)
	}
	return data, nil
}
