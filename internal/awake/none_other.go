//go:build !linux && !darwin && !windows

package awake

import (
	"fmt"
	"runtime"
	"time"
)

// none is the inhibitor where there is no known way to keep awake.
type none struct{}

func newInhibitor(Options, func(bool)) inhibitor { return none{} }

func (none) hold(string, time.Duration) error {
	return fmt.Errorf("%w: nothing known on %s", ErrUnavailable, runtime.GOOS)
}

func (none) release() error { return nil }

func (none) proceed() {}

func (none) rearm(time.Duration) error { return nil }
