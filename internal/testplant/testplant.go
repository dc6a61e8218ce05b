//go:build unix

// Package testplant plants what tests put in icetimer's state directory in
// place of its files, or of the directory itself: links out of it, named
// pipes, devices and directories, the things someone who wants icetimer to
// write elsewhere, hang, or read without end would plant there.
package testplant

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// Plant is one thing put at a path. Make plants it at path; outside is a
// directory outside the state directory holding a file named "target".
type Plant struct {
	Name string
	Make func(path, outside string) error
}

// Files are what a state file can be replaced with.
var Files = []Plant{
	{"link to a file outside", func(path, outside string) error {
		return os.Symlink(filepath.Join(outside, "target"), path)
	}},
	{"dangling link", func(path, outside string) error {
		return os.Symlink(filepath.Join(outside, "created"), path)
	}},
	{"link to /dev/zero", func(path, _ string) error { return os.Symlink("/dev/zero", path) }},
	{"named pipe", func(path, _ string) error { return syscall.Mkfifo(path, 0o600) }},
	{"device", Device},
	{"directory", func(path, _ string) error {
		if err := os.Mkdir(path, 0o700); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(path, "inside"), nil, 0o600)
	}},
}

// Dirs are what the state directory itself can be instead of a directory.
var Dirs = []Plant{
	{"link to a directory outside", func(dir, outside string) error { return os.Symlink(outside, dir) }},
	{"dangling link", func(dir, outside string) error { return os.Symlink(filepath.Join(outside, "created"), dir) }},
	{"named pipe", func(dir, _ string) error { return syscall.Mkfifo(dir, 0o600) }},
	{"device", Device},
	{"regular file", func(dir, _ string) error { return os.WriteFile(dir, nil, 0o600) }},
}

// ErrNoDevices is Device's error where devices cannot be made (not root,
// or a container that forbids it); a test skips that plant.
var ErrNoDevices = errors.New("cannot make a device node here")

// Device makes a character device at path, the twin of /dev/zero: reading it
// never ends.
func Device(path, _ string) error {
	var st syscall.Stat_t
	if err := syscall.Stat("/dev/zero", &st); err != nil {
		return ErrNoDevices
	}
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o600, int(st.Rdev)); err != nil {
		return ErrNoDevices
	}
	return nil
}
