package sound

import (
	"testing"

	"github.com/icetimer/icetimer/internal/testaudio"
)

// startPulse starts a private PulseAudio daemon whose only sink is the null
// sink "t" and points this process at it for the test.
func startPulse(t *testing.T) *testaudio.Pulse {
	t.Helper()
	if testing.Short() {
		t.Skip("plays chimes on a real PulseAudio server for half a minute; run without -short")
	}
	return testaudio.StartPulse(t)
}
