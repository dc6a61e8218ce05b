// Package cli is the part of icetimer's command line that is not wiring:
// the settings every command reads, the config, man and version commands,
// and shell completions. cmd/icetimer keeps flags, exit codes and wiring.
package cli

import (
	"errors"
	"fmt"

	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/words"
)

// ExitCoder is an error that says which exit status the process ends with
// (docs: CLI.md: 2 for bad usage or input).
type ExitCoder interface {
	error
	ExitCode() int
}

// ExitUsage is the exit status for bad usage or input, a bad config file
// included.
const ExitUsage = 2

// usageError is the caller's mistake: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// ExitCode is ExitUsage.
func (e usageError) ExitCode() int { return ExitUsage }

// UsageError marks err as bad usage or input: exit status 2.
func UsageError(err error) error { return usageError{err} }

func usagef(format string, args ...any) error { return UsageError(fmt.Errorf(format, args...)) }

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

// IsUsage reports whether err is bad usage or input.
func IsUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}
