//go:build linux

package speech

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// A program we speak through: its output comes back; it fails with its
// own words; it is ended at the deadline and when the speaker closes; one
// that is not installed is unavailable.
func TestProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("runs programs; run without -short")
	}
	soon := func() time.Time { return time.Now().Add(5 * time.Second) }

	out, err := newProgram("sh", "-c", "cat").run("Ice on.", soon())
	if err != nil || string(out) != "Ice on." {
		t.Errorf("cat: %q, %v", out, err)
	}

	_, err = newProgram("sh", "-c", "echo 'Error: no such voice' >&2; echo second line >&2; exit 3").run("x", soon())
	if err == nil || !strings.HasSuffix(err.Error(), "exit status 3: Error: no such voice") {
		t.Errorf("a failing program: %v", err)
	}

	start := time.Now()
	_, err = newProgram("sh", "-c", "exec sleep 30").run("x", time.Now().Add(200*time.Millisecond))
	if took := time.Since(start); !errors.Is(err, ErrTimeout) || took > 3*time.Second {
		t.Errorf("a program past its deadline: %v after %v, want ErrTimeout soon after 200ms", err, took)
	}

	p := newProgram("sh", "-c", "exec sleep 30")
	done := make(chan error, 1)
	go func() { _, err := p.run("x", time.Now().Add(time.Minute)); done <- err }()
	time.Sleep(100 * time.Millisecond)
	p.close()
	select {
	case err := <-done:
		if !errors.Is(err, ErrClosed) {
			t.Errorf("a program at close: %v, want ErrClosed", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("close did not end the program")
	}

	_, err = newProgram("icetimer-no-such-program").run("x", soon())
	if !isUnavailable(err) {
		t.Errorf("a program that is not installed: %v, want unavailable", err)
	}

	_, err = newProgram("sh", "-c", "head -c 20000000 /dev/zero").run("x", soon())
	if err == nil || !strings.Contains(err.Error(), "bytes of output") {
		t.Errorf("a program that writes too much: %v", err)
	}
}
