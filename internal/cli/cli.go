// Package cli is the commands of the second version that cmd/icetimer
// only adds (pain, next-stage, report, ack): each is a cobra constructor
// over an Options struct and a run function, so the commands' logic is
// tested here and cmd stays thin.
package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
)

// Env is what every command takes from cmd/icetimer.
type Env struct {
	// Clock is the wall clock; cmd's tests set it.
	Clock session.Clock
	// Dir is the state directory; "" means store.Dir().
	Dir string
}

func (e Env) dir() (string, error) {
	if e.Dir != "" {
		return e.Dir, nil
	}
	return store.Dir()
}

// Exit statuses (docs: CLI.md).
const (
	ExitFailure  = 1
	ExitUsage    = 2
	ExitNoCourse = 3
)

// ExitError carries the exit status a failure ends the process with;
// cmd/icetimer reads it through ExitCode.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

// ExitCode is the process's exit status for this failure.
func (e *ExitError) ExitCode() int { return e.Code }

func usagef(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}

// errNoCourse is exit status 3: no course runs.
var errNoCourse = &ExitError{Code: ExitNoCourse, Err: errors.New("no saved course: start one with 'icetimer start PRESET'")}

// args is cobra's check of positional arguments with its complaint as a
// usage error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return &ExitError{Code: ExitUsage, Err: err}
		}
		return nil
	}
}

// changeErr words a failure of session.Change: no course, or a course
// another process drives (exit 1, naming it and where to do it instead).
func changeErr(err error, there string) error {
	switch {
	case errors.Is(err, store.ErrNoCourse):
		return errNoCourse
	case errors.Is(err, session.ErrDriven):
		var locked *store.LockedError
		errors.As(err, &locked)
		return &ExitError{Code: ExitFailure, Err: fmt.Errorf("%v: %s there, or quit it first", locked, there)}
	}
	return err
}
