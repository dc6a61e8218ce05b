package main

import (
	"fmt"

	"github.com/icetimer/icetimer/internal/cli"
)

// Exit statuses (docs: CLI.md).
const (
	exitFailure  = 1 // something went wrong that is not the caller's input
	exitUsage    = 2 // bad usage or input
	exitNoCourse = 3 // status: there is no saved course
)

// usageErr marks err as the caller's mistake: exit status 2.
var usageErr = cli.UsageError

// usagef is usageErr with a formatted message.
func usagef(format string, args ...any) error { return usageErr(fmt.Errorf(format, args...)) }

// noArgs refuses arguments to a command that takes none, as a usage error.
var noArgs = cli.NoArgs
