package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/config"
)

func TestMain(m *testing.M) {
	// Every test gives its commands an Env of its own (newTestEnv). Should a
	// command look past it, it finds empty directories, never the course
	// or the config file of whoever runs the tests.
	dir, err := os.MkdirTemp("", "icetimer-cli-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	// Commands read the local zone from the process (quiet hours, days,
	// clock times), as a person's TZ gives it. The tests' times are UTC's
	// whatever TZ runs them; a test that wants another zone uses
	// useLocalZone.
	time.Local = time.UTC
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// testEnv is an Env of a test's own: empty state and config directories,
// a clock the test sets (the wall clock until it does) and no terminal;
// keep_awake is off, so that no test holds the computer of whoever runs
// them awake.
type testEnv struct {
	*Env
	now time.Time
}

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	e := &testEnv{}
	e.Env = &Env{
		Clock: func() time.Time {
			if e.now.IsZero() {
				return time.Now()
			}
			return e.now
		},
		StateDir:  filepath.Join(t.TempDir(), "icetimer"),
		ConfigDir: filepath.Join(t.TempDir(), "icetimer"),
		Settings:  testSettings(),
		In:        strings.NewReader(""),
		LockWait:  100 * time.Millisecond, // a lock held by the test stays held
	}
	return e
}

// testSettings are the defaults with keep_awake off.
func testSettings() config.Config {
	s := config.Default()
	s.KeepAwake = false
	return s
}

// run runs one command line and gives its exit status and what it printed.
func (e *testEnv) run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	e.Out, e.Err = &out, &errOut
	code = Main(args, e.Env)
	return code, out.String(), errOut.String()
}

// withConfig gives e a config directory of its own holding text as the
// config file (none for ""), and returns the file's path.
func (e *testEnv) withConfig(t *testing.T, text string) string {
	t.Helper()
	e.ConfigDir = filepath.Join(t.TempDir(), "icetimer")
	path := filepath.Join(e.ConfigDir, config.FileName)
	if text == "" {
		return path
	}
	if err := os.MkdirAll(e.ConfigDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// useLocalZone makes loc the local zone the commands read, for the rest of
// the test.
func useLocalZone(t *testing.T, loc *time.Location) {
	t.Helper()
	old := time.Local
	time.Local = loc
	t.Cleanup(func() { time.Local = old })
}

// isControl is a control character a terminal would act on; the line
// break ending a message is allowed.
func isControl(r rune) bool { return r != '\n' && (r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0) }
