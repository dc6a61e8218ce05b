// Package e2e holds the end-to-end tests of icetimer: each runs the built
// binary (on real time, against real servers, in tmux), so `go test
// -short` skips the whole package. The in-process tests of the commands
// are in internal/cli.
package e2e

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// binary is icetimer, built once for these tests with the test clock hook
// (cmd/icetimer/testclock.go), which lets a test step its clock.
var binary string

// configHome is the XDG_CONFIG_HOME of the icetimers the tests start,
// unless a test gives its own: its config file turns keep_awake off, so
// that no test keeps the computer of whoever runs them awake, and none
// prints, where there is no system bus (a container), that it cannot. The
// keep-awake tests turn it on (awake_test.go).
var configHome string

// testConfig is that config file.
const testConfig = "keep_awake = false\n"

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		fmt.Println("e2e: end-to-end tests on the built binary, skipped under -short")
		os.Exit(0)
	}
	os.Exit(runAll(m))
}

// runAll builds the binary and runs the tests with nothing they start
// touching the course or the config file of whoever runs the tests.
func runAll(m *testing.M) int {
	dir, err := os.MkdirTemp("", "icetimer-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	os.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	// A test that wants another config file writes its own.
	configHome = filepath.Join(dir, "config")
	if err := writeConfig(configHome, testConfig); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	os.Setenv("XDG_CONFIG_HOME", configHome)
	binary = filepath.Join(dir, "icetimer")
	if out, err := exec.Command("go", "build", "-tags", "icetimer_testclock", "-o", binary, "..").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// isolatedEnv is this process's environment plus extra, with a state
// directory of the test's own, so that the icetimer a test starts neither
// sees nor locks anyone else's course.
func isolatedEnv(t *testing.T, extra ...string) []string {
	t.Helper()
	return append(append(os.Environ(), "XDG_STATE_HOME="+t.TempDir()), extra...)
}

// skipOrFail skips a test that cannot run here, unless CI=true, where not
// running is a failure.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and this test cannot run: "+format, args...)
	}
	t.Skipf(format, args...)
}

// writeConfig writes text as the config file of the icetimers whose
// XDG_CONFIG_HOME is home.
func writeConfig(home, text string) error {
	if err := os.MkdirAll(filepath.Join(home, "icetimer"), 0o700); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(home, "icetimer", "config.toml"), []byte(text), 0o600)
}
