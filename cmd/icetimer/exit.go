package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/icetimer/icetimer/internal/cli"
)

// Exit statuses (docs: CLI.md).
const (
	exitFailure  = 1 // something went wrong that is not the caller's input
	exitUsage    = 2 // bad usage or input
	exitNoCourse = 3 // status: there is no saved course
)

// exitError carries the exit status a failure should end the process with
// (one type with the commands of internal/cli).
type exitError = cli.ExitError

// usageErr marks err as the caller's mistake: exit status 2.
func usageErr(err error) error { return &exitError{Code: exitUsage, Err: err} }

// usagef is usageErr with a formatted message.
func usagef(format string, args ...any) error { return usageErr(fmt.Errorf(format, args...)) }

// noArgs is cobra.NoArgs whose complaint (an unknown command, a stray word) is
// a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if err := cobra.NoArgs(cmd, args); err != nil {
		return usageErr(err)
	}
	return nil
}
