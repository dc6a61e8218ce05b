package speech

import (
	"errors"
	"testing"
	"time"
)

// No engine at all (nothing on PATH, no speech-dispatcher): every Say
// returns at once and answers ErrNoSpeech, saying why, well within the
// timeout.
func TestNoSpeech(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	t.Setenv("SPEECHD_ADDRESS", "")
	const timeout = 2 * time.Second
	s := New(Config{Timeout: timeout})
	defer s.Close()
	for range 3 {
		start := time.Now()
		ch := s.Say("Take the ice pack off.", 0)
		// At once: Say only queues. The bound is generous, for a loaded
		// machine; the figure is logged.
		if took := time.Since(start); took > timeout/2 {
			t.Errorf("Say took %v to return", took)
		} else {
			t.Logf("Say returned after %v", took)
		}
		took, err := within(t, ch, timeout+5*time.Second)
		if !errors.Is(err, ErrNoSpeech) {
			t.Fatalf("answer %v, want ErrNoSpeech", err)
		}
		if took > timeout {
			t.Errorf("answered after %v, beyond the timeout %v", took, timeout)
		}
		t.Logf("answered after %v: %v", took, err)
	}
}
