package main

import (
	"errors"

	"github.com/icetimer/icetimer/internal/store"
)

// readStore is the state directory for commands that only read (status,
// history): it creates nothing and moves nothing aside, so a first run's
// disclaimer and a broken file are left for the process that drives.
func readStore() (*store.Store, error) {
	dir, err := store.Dir()
	if err != nil {
		return nil, err
	}
	return store.ReadOnly(dir), nil
}

// errNoCourse is exit status 3 (docs: CLI.md): there is no saved course.
var errNoCourse = &exitError{code: exitNoCourse, err: errors.New("no saved course: start one with 'icetimer start PRESET'")}
