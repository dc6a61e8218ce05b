package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/icetimer/icetimer/internal/schedule"
)

// EncodeCourse is c as the process that drives it sends it to its clients
// (the control socket's replies and watch stream): the saved file's
// document, versioned like it, on one line.
func EncodeCourse(c schedule.Course) ([]byte, error) {
	cj, err := courseToJSON(c)
	if err != nil {
		return nil, err
	}
	return json.Marshal(stateFile{Version: formatVersion, Course: cj})
}

// NoCourse is the document a driver sends while it drives no course (its
// picker is open, or nothing is saved): DecodeCourse reads it as
// ErrNoCourse.
var NoCourse = []byte(fmt.Sprintf(`{"version":%d}`, formatVersion))

// DecodeCourse reads a course that EncodeCourse wrote, in another process:
// checked as a saved file is (schedule.Course.Check), since it comes from
// outside. NoCourse is ErrNoCourse.
func DecodeCourse(data []byte) (schedule.Course, error) {
	if bytes.Equal(bytes.TrimSpace(data), NoCourse) {
		return schedule.Course{}, ErrNoCourse
	}
	c, _, err := decodeState(data)
	if err != nil {
		return schedule.Course{}, fmt.Errorf("the course sent is not one icetimer can read: %w", err)
	}
	return c, nil
}
