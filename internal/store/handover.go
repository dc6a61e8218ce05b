package store

import (
	"errors"
	"fmt"
	"os"

	"github.com/icetimer/icetimer/internal/rundir"
	"github.com/icetimer/icetimer/internal/schedule"
)

// maxHandedSize bounds the course a process hands over in a file.
const maxHandedSize = maxStateSize

// HandOver writes c, a course the saved file lacks (its save failed: a
// full or read-only disk), to a private file in the runtime directory, for
// the process this one hands the course to (TakeHandOver); it returns the
// file's path.
func (s *Store) HandOver(c schedule.Course) (string, error) {
	data, err := EncodeCourse(c)
	if err != nil {
		return "", err
	}
	path, err := rundir.For(s.dir, "handed")
	if err != nil {
		return "", err
	}
	if err := writeAtomic(path, data); err != nil {
		return "", fmt.Errorf("cannot hand the course over: %w", err)
	}
	return path, nil
}

// TakeHandOver reads the course HandOver wrote at path and removes the
// file: it is read once.
func TakeHandOver(path string) (schedule.Course, error) {
	data, err := readFile(path, maxHandedSize)
	if err != nil {
		return schedule.Course{}, fmt.Errorf("cannot read the course handed over: %w", err)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return schedule.Course{}, err
	}
	return DecodeCourse(data)
}
