//go:build !icetimer_testclock

package main

import "github.com/icetimer/icetimer/internal/cli"

// useTestClock leaves the wall clock as it is: only a test build
// (testclock.go) can offset it.
func useTestClock(*cli.Env) {}
