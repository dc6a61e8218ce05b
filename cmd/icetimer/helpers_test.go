package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// binary is icetimer built once for these tests.
var binary = struct {
	once sync.Once
	path string
	err  error
}{}

func TestMain(m *testing.M) {
	// Nothing a test runs may touch the course of whoever runs the tests.
	state, err := os.MkdirTemp("", "icetimer-state-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_STATE_HOME", state)
	// Nor read their config file: a test that wants one writes its own.
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(state, "no-config"))
	code := m.Run()
	os.RemoveAll(state)
	if binary.path != "" {
		os.RemoveAll(filepath.Dir(binary.path))
	}
	os.Exit(code)
}

// buildIcetimer builds the binary for an end-to-end test. Those tests run
// real processes on real time: `go test -short` skips them to stay fast,
// `go test ./...` (CI) runs them.
func buildIcetimer(t *testing.T) string {
	t.Helper()
	skipInShort(t)
	binary.once.Do(func() {
		dir, err := os.MkdirTemp("", "icetimer-test-")
		if err != nil {
			binary.err = err
			return
		}
		binary.path = filepath.Join(dir, "icetimer")
		// The test clock hook (testclock.go) lets tests step its clock.
		out, err := exec.Command("go", "build", "-tags", "icetimer_testclock", "-o", binary.path, ".").CombinedOutput()
		if err != nil {
			binary.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
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

// skipInShort skips an end-to-end test under -short.
func skipInShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test on the built binary; run without -short")
	}
}

// isControl is a control character a terminal would act on; the line
// break ending a message is allowed.
func isControl(r rune) bool { return r != '\n' && (r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0) }
