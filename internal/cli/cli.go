// Package cli is the part of icetimer's command line that is not wiring:
// the settings every command reads (the config file), the commands of the
// second version that cmd/icetimer only adds (pain, next-stage, report,
// ack, config, man, version), each a cobra constructor over its options and
// a run function, and shell completions. cmd/icetimer keeps the older
// commands' flags, exit codes and wiring.
package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
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

// Error is the failure's message.
func (e *ExitError) Error() string { return e.Err.Error() }

// Unwrap is the failure itself, for errors.Is and errors.As.
func (e *ExitError) Unwrap() error { return e.Err }

// ExitCode is the process's exit status for this failure.
func (e *ExitError) ExitCode() int { return e.Code }

// ExitCoder is an error that says which exit status the process ends with
// (docs: CLI.md: 2 for bad usage or input).
type ExitCoder interface {
	error
	ExitCode() int
}

// UsageError marks err as bad usage or input: exit status 2.
func UsageError(err error) error { return &ExitError{Code: ExitUsage, Err: err} }

func usagef(format string, args ...any) error { return UsageError(fmt.Errorf(format, args...)) }

// IsUsage reports whether err is bad usage or input.
func IsUsage(err error) bool {
	var e *ExitError
	return errors.As(err, &e) && e.Code == ExitUsage
}

// Settings reads the config file and applies what it sets for the whole
// process (the 12-hour clock). A bad file is a usage error listing every
// problem with its line, and the settings are then the defaults: a command
// that must not fail on it (status) goes on with them.
func Settings() (config.Config, error) {
	path, err := config.Path()
	if err != nil {
		words.Use12HourClock(false)
		return config.Default(), UsageError(err)
	}
	c, err := config.Load(path)
	words.Use12HourClock(c.Clock == config.Clock12)
	if err != nil {
		return c, UsageError(err)
	}
	return c, nil
}

// ErrNoCourse is exit status 3 (docs: CLI.md): there is no saved course.
var ErrNoCourse = &ExitError{Code: ExitNoCourse, Err: errors.New("no saved course: start one with 'icetimer start PRESET'")}

// NoArgs is cobra.NoArgs whose complaint (an unknown command, a stray
// word) is a usage error.
var NoArgs = args(cobra.NoArgs)

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
		return ErrNoCourse
	case errors.Is(err, session.ErrDriven):
		var locked *store.LockedError
		errors.As(err, &locked)
		return &ExitError{Code: ExitFailure, Err: fmt.Errorf("%v: %s there, or quit it first", locked, there)}
	}
	return err
}
