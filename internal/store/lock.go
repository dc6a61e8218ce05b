package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"github.com/icetimer/icetimer/internal/rundir"
	"github.com/icetimer/icetimer/internal/safetext"
)

// The holder's record is kept in the lock file from this offset on: on
// Windows the lock covers byte 0, which other processes then cannot read.
const holderOffset = 1

// holder is the record of the process that holds the lock.
type holder struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	Since   time.Time `json:"since"`
	// Socket is the control socket the holder serves, where the other
	// commands reach it; "" while it serves none (a command that changes
	// the course once, a driver starting, an older icetimer).
	Socket string `json:"socket,omitempty"`
}

// LockedError says another process holds the lock: it drives the saved
// course. PID is 0 when the holder could not be told.
type LockedError struct {
	PID int
	// Command is the holder's command line as it recorded it, made safe to
	// print (safetext.Safe): anyone can start a process with escape sequences
	// in its arguments, or write the lock file.
	Command string
	// Socket is the control socket the holder serves, "" when none: how a
	// command reaches the process that drives the course.
	Socket string
}

// Error names the holder, so the person knows which process to go to.
func (e *LockedError) Error() string {
	if e.PID == 0 {
		return "the saved course is in use by another icetimer process"
	}
	return fmt.Sprintf("the saved course is in use by process %d (%s)", e.PID, e.Command)
}

// Lock takes the lock that lets one process at a time drive the saved
// course, on state.lock (state.json itself is replaced at every save, so it
// cannot carry a lock). It does not wait: when another process holds it, the
// error is a *LockedError naming that process. The operating system drops
// the lock when its holder exits, even by a crash. release gives it back.
func (s *Store) Lock() (release func(), err error) {
	if err := s.refuseWrite("take the lock"); err != nil {
		return nil, err
	}
	path, err := s.file(lockName)
	if err == nil {
		err = checkRegular(path)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot lock the saved course: %w", err)
	}
	fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR|openFlags), flock.SetPermissions(filePerm))
	ok, err := fl.TryLock()
	if err != nil && readOnlyFS(err) {
		return s.lockReadOnly(path)
	}
	if err != nil {
		if cerr := checkRegular(path); cerr != nil { // replaced since it was checked
			return nil, fmt.Errorf("cannot lock the saved course: %w", cerr)
		}
		return nil, fmt.Errorf("cannot lock %s: %w", path, err)
	}
	if !ok {
		return nil, readHolder(path, s.runtimeRecord())
	}
	if info, err := fl.Stat(); err != nil || !info.Mode().IsRegular() {
		fl.Unlock()
		if err == nil {
			err = notRegular(path, info.Mode())
		}
		return nil, fmt.Errorf("cannot lock the saved course: %w", err)
	}
	return s.hold(fl, path)
}

// hold records this process as the holder of the lock fl in the record at
// record, and gives the function that gives the lock back.
func (s *Store) hold(fl *flock.Flock, record string) (release func(), err error) {
	if err := writeHolder(record, holder{PID: os.Getpid(), Command: commandLine(), Since: time.Now().Round(0)}); err != nil {
		fl.Unlock()
		return nil, fmt.Errorf("cannot write to %s: %w", record, err)
	}
	s.record = record
	removeTemps(s.dir)
	return func() {
		_ = writeHolder(record, holder{})
		_ = fl.Unlock()
	}, nil
}

// lockReadOnly takes the lock of a state directory that cannot be written
// (a disk remounted read-only after an error): the course can still be
// read and reminded of from memory, and two drivers must still never run.
// A lock needs no write access: state.lock, when it is there, is locked
// through a read-only handle, so every process shares one lock with any
// that opened it before the disk went read-only; when it is not there,
// the lock is a file in the runtime directory. The holder's record, which
// cannot go into state.lock, goes into the runtime directory, where
// readers look when state.lock names no one.
func (s *Store) lockReadOnly(path string) (release func(), err error) {
	lockPath, flag := path, os.O_RDONLY|openFlags
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		if lockPath, err = rundir.For(s.dir, "lock"); err != nil {
			return nil, fmt.Errorf("the state directory cannot be written, and %w", err)
		}
		flag = os.O_CREATE | os.O_RDWR | openFlags
	}
	record, err := rundir.For(s.dir, "holder")
	if err != nil {
		return nil, fmt.Errorf("the state directory cannot be written, and %w", err)
	}
	fl := flock.New(lockPath, flock.SetFlag(flag), flock.SetPermissions(filePerm))
	ok, err := fl.TryLock()
	switch {
	case err != nil:
		return nil, fmt.Errorf("cannot lock %s: %w", lockPath, err)
	case !ok:
		return nil, readHolder(path, record)
	}
	if err := touch(record); err != nil {
		fl.Unlock()
		return nil, fmt.Errorf("cannot write to %s: %w", record, err)
	}
	return s.hold(fl, record)
}

// touch makes sure a private regular file is at path.
func touch(path string) error {
	f, err := openFile(path, os.O_CREATE|os.O_WRONLY)
	if err != nil {
		return err
	}
	return f.Close()
}

// Advertise records in the lock's holder record, for the process that
// holds the lock, the control socket it serves: where other commands reach
// it. Only the holder may call it.
func (s *Store) Advertise(socket string) error {
	if s.record == "" {
		return errors.New("this process does not hold the lock")
	}
	return writeHolder(s.record, holder{PID: os.Getpid(), Command: commandLine(), Since: time.Now().Round(0), Socket: socket})
}

// writeHolder records h in the lock file through a handle of its own (the
// lock library keeps its handle private), and cuts the file after it: a
// longer record of an earlier holder must not trail the new one. A zero h
// clears the record.
func writeHolder(path string, h holder) error {
	data := []byte("\n")
	if h.PID != 0 {
		rec, err := json.Marshal(h)
		if err != nil {
			return err
		}
		data = append(rec, '\n')
	}
	f, err := openFile(path, os.O_WRONLY)
	if err != nil {
		return err
	}
	defer f.Close()
	// Written before the cut, so that a reader never finds the record
	// empty: it reads up to the first line break.
	if _, err := f.WriteAt(data, holderOffset); err != nil {
		return err
	}
	if err := f.Truncate(holderOffset + int64(len(data))); err != nil {
		return err
	}
	return f.Close()
}

// maxCommandShown is about the most of a holder's command line told.
const maxCommandShown = 200

// readHolder describes the lock's holder from its record in path, else in
// the runtime directory's (for a state directory that cannot be written,
// "" when there is none). The holder writes its record just after taking
// the lock, so an empty record is read again for a moment.
func readHolder(path, runtimeRecord string) *LockedError {
	e := &LockedError{}
	for try := 0; try < 20; try++ {
		if h, ok := readRecords(path, runtimeRecord); ok {
			e.PID, e.Command, e.Socket = h.PID, safetext.Clipped(h.Command, maxCommandShown), h.Socket
			return e
		}
		time.Sleep(5 * time.Millisecond)
	}
	return e
}

// readRecords is the holder's record: the runtime directory's (see
// lockReadOnly) while the process it names lives, else path's. A state
// directory that went read-only keeps the record of the process that held
// the lock before; the process holding it now could not overwrite it.
func readRecords(path, runtimeRecord string) (holder, bool) {
	if runtimeRecord != "" {
		if h, ok := readHolderOnce(runtimeRecord); ok && alive(h.PID) {
			return h, true
		}
	}
	return readHolderOnce(path)
}

// runtimeRecord is where a holder of a state directory that cannot be
// written keeps its record; "" when there is no runtime directory.
func (s *Store) runtimeRecord() string {
	path, err := rundir.For(s.dir, "holder")
	if err != nil {
		return ""
	}
	return path
}

func readHolderOnce(path string) (holder, bool) {
	f, err := openFile(path, os.O_RDONLY)
	if err != nil {
		return holder{}, false
	}
	defer f.Close()
	buf := make([]byte, 4096)
	n, _ := f.ReadAt(buf, holderOffset)
	line, _, _ := bytes.Cut(buf[:n], []byte("\n"))
	var h holder
	if json.Unmarshal(line, &h) != nil || h.PID == 0 {
		return holder{}, false
	}
	return h, true
}

// commandLine is this process's command line, program name without its
// directory, for telling the person which process holds the lock.
func commandLine() string {
	args := append([]string{filepath.Base(os.Args[0])}, os.Args[1:]...)
	return strings.Join(args, " ")
}

// Holder names the process that holds the lock, read from its record
// without taking the lock (for commands that only read, such as `status
// --follow`); false when no record names one. The record of a process that
// crashed may remain: its socket then answers no one.
func (s *Store) Holder() (*LockedError, bool) {
	path, err := s.file(lockName)
	if err != nil {
		return nil, false
	}
	h, ok := readRecords(path, s.runtimeRecord())
	if !ok {
		return nil, false
	}
	return &LockedError{PID: h.PID, Command: safetext.Clipped(h.Command, maxCommandShown), Socket: h.Socket}, true
}
