package store

import (
	"errors"
	"fmt"
)

// ErrReadOnly is wrapped by the errors of a read-only store's methods that
// would write (see ReadOnly).
var ErrReadOnly = errors.New("the store is read-only")

// ReadOnly is the store in dir for a process that only looks at the course
// (status, history, a screen following another process's course). It never
// creates, changes, moves or chmods anything: a missing directory reads as no
// course and an empty history, and a broken state.json is reported but left
// where it is for the process driving the course to move aside. Its Save,
// Archive, SaveReminded, ClearReminded, SaveReplied, SaveSafety,
// ForgetSafety and Lock return an error wrapping ErrReadOnly.
func ReadOnly(dir string) *Store {
	return &Store{dir: dir, readOnly: true}
}

// refuseWrite is the error of a write that a read-only store refuses; nil
// for a store that may write. what says what was refused ("save the course").
func (s *Store) refuseWrite(what string) error {
	if !s.readOnly {
		return nil
	}
	return fmt.Errorf("cannot %s in %s: %w", what, s.dir, ErrReadOnly)
}
