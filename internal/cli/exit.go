package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
)

// Exit statuses (docs: CLI.md).
const (
	ExitFailure  = 1 // something went wrong that is not the caller's input
	ExitUsage    = 2 // bad usage or input
	ExitNoCourse = 3 // there is no saved course
)

// exitError carries the exit status a failure ends the process with.
type exitError struct {
	Code int
	Err  error
}

// Error is the failure's message.
func (e *exitError) Error() string { return e.Err.Error() }

// Unwrap is the failure itself, for errors.Is and errors.As.
func (e *exitError) Unwrap() error { return e.Err }

// exitStatus is the process's exit status for err: 0 for none, the
// exitError's code, else 1.
func exitStatus(err error) int {
	var exit *exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.Code
	}
	return ExitFailure
}

// usageError marks err as bad usage or input: exit status 2.
func usageError(err error) error { return &exitError{Code: ExitUsage, Err: err} }

// usagef is usageError with a formatted message.
func usagef(format string, args ...any) error { return usageError(fmt.Errorf(format, args...)) }

// errNoCourse is exit status 3 (docs: CLI.md): there is no saved course.
var errNoCourse = &exitError{Code: ExitNoCourse, Err: errors.New("no saved course: start one with 'icetimer start PRESET'")}

// noArgs refuses arguments to a command that takes none, as a usage error.
var noArgs = args(cobra.NoArgs)

// args is cobra's check of positional arguments with its complaint (an
// unknown command, a stray word) as a usage error.
func args(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := check(cmd, a); err != nil {
			return usageError(err)
		}
		return nil
	}
}
