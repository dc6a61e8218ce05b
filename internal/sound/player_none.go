//go:build !linux && !darwin && !windows

package sound

import (
	"errors"
	"fmt"
	"time"
)

// noBackend is for systems without a sound backend here (the BSDs, where
// oto needs cgo): every chime falls back to the terminal bell.
type noBackend struct{}

func newBackend() backend { return noBackend{} }

func (noBackend) play(Chime, time.Time) error {
	return fmt.Errorf("%w: %w", ErrNoServer, errors.ErrUnsupported)
}

func (noBackend) close() {}
