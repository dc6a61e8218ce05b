package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// File names inside the state directory.
const (
	stateName   = "state.json"
	historyName = "history.jsonl"
	lockName    = "state.lock"
)

// Permissions: the course says when someone is in pain and at home; only its
// owner reads it.
const (
	dirPerm  = 0o700
	filePerm = 0o600
)

// ErrNoCourse is returned by Load when there is no saved course.
var ErrNoCourse = errors.New("there is no saved course")

// Store is icetimer's state directory. Its methods are safe to call from a
// tea.Cmd; each does a little blocking file I/O and returns.
//
// Save, Archive, SaveReminded and ClearReminded change the saved course and
// should be called while holding the lock (see Lock). History and Reminded
// only read; Load only reads too, but for moving a broken state.json aside
// (which a read-only store, see ReadOnly, does not do).
type Store struct {
	dir string
	// readOnly is set by ReadOnly: no method writes.
	readOnly bool
	// record is where this process's record as the lock's holder is, once
	// it holds the lock (Lock): state.lock, or a file in the runtime
	// directory when the state directory cannot be written.
	record string
}

// OpenDir is the store in dir, created 0700 if missing, for the process
// that drives the course. A directory or state files that others may read
// are made private. dir must be a directory of its own, not a symbolic link.
func OpenDir(dir string) (*Store, error) {
	if err := checkDir(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, dirPerm); err != nil {
		return nil, fmt.Errorf("cannot create the state directory: %w", err)
	}
	makePrivate(dir)
	return &Store{dir: dir}, nil
}

// Dir is the directory the store keeps its files in.
func (s *Store) Dir() string { return s.dir }

// StatePath is the saved course's file, state.json.
func (s *Store) StatePath() string { return filepath.Join(s.dir, stateName) }

// HistoryPath is the history file, history.jsonl.
func (s *Store) HistoryPath() string { return filepath.Join(s.dir, historyName) }

// Save writes c as the saved course, atomically: after a crash at any
// instant state.json holds either the previous course or c. On failure
// (disk full, read-only directory) the previous file is left as it was.
func (s *Store) Save(c schedule.Course) error {
	if err := s.refuseWrite("save the course"); err != nil {
		return err
	}
	path, err := s.file(stateName)
	if err == nil {
		err = checkRegular(path)
	}
	if err != nil {
		return fmt.Errorf("cannot save the course: %w", err)
	}
	data, err := encodeState(c)
	if err != nil {
		return fmt.Errorf("cannot save the course: %w", err)
	}
	if err := writeAtomic(path, data); err != nil {
		return fmt.Errorf("cannot save the course to %s: %w", path, err)
	}
	return nil
}

// Load reads the saved course. It returns ErrNoCourse when there is none
// (also when the saved course was already moved to history by an Archive that
// was cut short), and a *BrokenError when state.json cannot be read back; the
// broken file has then been moved aside, unless the store is read-only. A
// state.json that is not a regular file (a link, a named pipe) is an error
// saying so, and is left alone.
func (s *Store) Load() (schedule.Course, error) {
	path, err := s.file(stateName)
	if err != nil {
		return schedule.Course{}, fmt.Errorf("cannot read the saved course: %w", err)
	}
	data, err := readFile(path, maxStateSize)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return schedule.Course{}, ErrNoCourse
	case errors.Is(err, errTooLarge):
		return schedule.Course{}, s.broken(err)
	case err != nil:
		return schedule.Course{}, fmt.Errorf("cannot read the saved course: %w", err)
	}
	c, cj, err := decodeState(data)
	if err != nil {
		return schedule.Course{}, s.broken(err)
	}
	if s.archived(cj) {
		return schedule.Course{}, ErrNoCourse
	}
	return c, nil
}

// archived reports whether the saved course, as read from state.json, is the
// last course in history: an Archive appended it but was stopped before
// removing state.json.
func (s *Store) archived(saved courseJSON) bool {
	last, ok := s.lastHistoryCourse()
	return ok && sameCourse(saved, last)
}

func encodeState(c schedule.Course) ([]byte, error) {
	cj, err := courseToJSON(c)
	if err != nil {
		return nil, err
	}
	events := cj.Events
	cj.Events = nil
	data, err := json.MarshalIndent(stateFile{Version: formatVersion, Course: cj}, "", "  ")
	if err != nil {
		return nil, err
	}
	// The events go last, one compact line each: indented, they were nearly
	// half again as many bytes, and reading them is most of what a status
	// bar's call costs on a busy course.
	at := bytes.LastIndex(data, []byte(`"events": null`))
	if at < 0 {
		return nil, errors.New("the course's events have no place in the file")
	}
	out := append([]byte(nil), data[:at]...)
	out = append(out, `"events": [`...)
	for i, e := range events {
		line, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			out = append(out, ',')
		}
		out = append(append(out, "\n      "...), line...)
	}
	if len(events) > 0 {
		out = append(out, "\n    "...)
	}
	out = append(out, ']')
	out = append(out, data[at+len(`"events": null`):]...)
	return append(out, '\n'), nil
}

// decodeState reads state.json's course, both as the engine takes it and as
// written (which Load compares with history's last line: decoding a large
// file once is what keeps status fast).
func decodeState(data []byte) (schedule.Course, courseJSON, error) {
	// Version is a pointer so that a file without one is told apart from a
	// file with version 0. Unknown fields are allowed: later versions of the
	// format may add optional ones without bumping the version.
	var st struct {
		Version *int       `json:"version"`
		Course  courseJSON `json:"course"`
	}
	input, events, split := splitEvents(data)
	if !split {
		input = data
	}
	if err := json.Unmarshal(input, &st); err != nil {
		return schedule.Course{}, courseJSON{}, fmt.Errorf("not valid JSON (%v)", err)
	}
	if split {
		st.Course.Events = events
	}
	switch {
	case st.Version == nil:
		return schedule.Course{}, courseJSON{}, errors.New("it has no version field")
	case *st.Version > formatVersion:
		return schedule.Course{}, courseJSON{}, fmt.Errorf("it was written by a newer icetimer (format version %d, this one reads up to %d)", *st.Version, formatVersion)
	case *st.Version < 1:
		return schedule.Course{}, courseJSON{}, fmt.Errorf("format version %d is not valid", *st.Version)
	}
	c, err := courseFromJSON(st.Course)
	if err != nil {
		return schedule.Course{}, courseJSON{}, fmt.Errorf("the course is not valid: %v", err)
	}
	return c, st.Course, nil
}

// BrokenError says the saved course could not be read back, and where the
// file was moved so that a new course can be started.
type BrokenError struct {
	Path string
	// MovedTo is where the file is now; "" when moving it failed too, or
	// when a read-only store left it in place.
	MovedTo string
	Err     error
	// leftForDriver is set by a read-only store, which does not move the
	// file: the process that drives the course will.
	leftForDriver bool
}

// Error says what was wrong and what to do: start a new course, move the
// file when it could not be moved, or nothing when a read-only store left it
// for the driving process to move.
func (e *BrokenError) Error() string {
	msg := fmt.Sprintf("saved course %s cannot be read: %v; ", e.Path, e.Err)
	switch {
	case e.leftForDriver:
		return msg + "the icetimer driving the course, or the next 'icetimer', will move it aside"
	case e.MovedTo == "":
		return msg + "move or delete it to start a new course"
	}
	return msg + "moved it to " + e.MovedTo + "; start a new course"
}

// Unwrap is why the file could not be read.
func (e *BrokenError) Unwrap() error { return e.Err }

// broken is the error for a state.json that cannot be read back because of
// cause. The file is renamed to state.json.broken-<TIME>, never over an
// existing file, unless the store is read-only.
func (s *Store) broken(cause error) error {
	e := &BrokenError{Path: s.StatePath(), Err: cause, leftForDriver: s.readOnly}
	if s.readOnly {
		return e
	}
	stamp := time.Now().UTC().Format("20060102T150405.000000000Z")
	dest := s.StatePath() + ".broken-" + stamp
	if _, err := os.Lstat(dest); err == nil {
		return e
	}
	if err := os.Rename(e.Path, dest); err != nil {
		return e
	}
	e.MovedTo = dest
	_ = syncDir(s.dir) // the rename is done; a failed flush only risks its durability
	return e
}

// The logs in the state directory.
const (
	// runLogName is the file a background `icetimer run` writes its lines to.
	runLogName = "run.log"
	// hookLogName is the file the on_change hook's output is appended to.
	hookLogName = "hooks.log"
)

// OpenRunLog opens the log of a background `icetimer run` for appending,
// created if need be: a regular file in the state directory only, like
// every file here.
func (s *Store) OpenRunLog() (*os.File, error) {
	return s.openLog(runLogName, "open the background log")
}

// OpenHookLog opens the log of the on_change hook's output for appending,
// as OpenRunLog does the background log.
func (s *Store) OpenHookLog() (*os.File, error) { return s.openLog(hookLogName, "open the hook log") }

// OpenHookLogIn is OpenHookLog for the state directory dir, for a hook
// runner made before the store is opened.
func OpenHookLogIn(dir string) (*os.File, error) {
	s, err := OpenDir(dir)
	if err != nil {
		return nil, err
	}
	return s.OpenHookLog()
}

// openLog opens the log name for appending; what says what is refused when
// the directory is read-only.
func (s *Store) openLog(name, what string) (*os.File, error) {
	if err := s.refuseWrite(what); err != nil {
		return nil, err
	}
	path, err := s.file(name)
	if err != nil {
		return nil, err
	}
	return openFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND)
}
