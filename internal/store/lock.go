package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"

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
	if err != nil {
		if cerr := checkRegular(path); cerr != nil { // replaced since it was checked
			return nil, fmt.Errorf("cannot lock the saved course: %w", cerr)
		}
		return nil, fmt.Errorf("cannot lock %s: %w", path, err)
	}
	if !ok {
		return nil, readHolder(path)
	}
	if info, err := fl.Stat(); err != nil || !info.Mode().IsRegular() {
		fl.Unlock()
		if err == nil {
			err = notRegular(path, info.Mode())
		}
		return nil, fmt.Errorf("cannot lock the saved course: %w", err)
	}
	if err := writeHolder(path, holder{PID: os.Getpid(), Command: commandLine(), Since: time.Now().Round(0)}); err != nil {
		fl.Unlock()
		return nil, fmt.Errorf("cannot write to %s: %w", path, err)
	}
	removeTemps(s.dir)
	return func() {
		_ = writeHolder(path, holder{})
		_ = fl.Unlock()
	}, nil
}

// Advertise records in the lock's holder record, for the process that
// holds the lock, the control socket it serves: where other commands reach
// it. Only the holder may call it.
func (s *Store) Advertise(socket string) error {
	path, err := s.file(lockName)
	if err != nil {
		return err
	}
	return writeHolder(path, holder{PID: os.Getpid(), Command: commandLine(), Since: time.Now().Round(0), Socket: socket})
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

// readHolder describes the lock's holder. The holder writes its record just
// after taking the lock, so an empty record is read again for a moment.
func readHolder(path string) *LockedError {
	e := &LockedError{}
	for try := 0; try < 20; try++ {
		if h, ok := readHolderOnce(path); ok {
			e.PID, e.Command, e.Socket = h.PID, safetext.Clipped(h.Command, maxCommandShown), h.Socket
			return e
		}
		time.Sleep(5 * time.Millisecond)
	}
	return e
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
	h, ok := readHolderOnce(path)
	if !ok {
		return nil, false
	}
	return &LockedError{PID: h.PID, Command: safetext.Clipped(h.Command, maxCommandShown), Socket: h.Socket}, true
}
