//go:build unix

package testplant

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Put plants p at path, outside being the directory Outside made. It is
// false, logged, where p cannot be made here (a device without root); a test
// moves on to the next plant then.
func Put(t testing.TB, p Plant, path, outside string) bool {
	t.Helper()
	err := p.Make(path, outside)
	if errors.Is(err, ErrNoDevices) {
		t.Logf("%s at %s: %v", p.Name, path, err)
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return true
}

// Outside is a directory outside any state directory, with a file "target"
// in it; check fails the test if either changed: nothing may be written,
// created or chmodded through a plant.
func Outside(t testing.TB) (dir string, check func(what string)) {
	t.Helper()
	dir = t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("not icetimer's\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, func(what string) {
		t.Helper()
		entries, _ := os.ReadDir(dir)
		info, _ := os.Stat(target)
		data, _ := os.ReadFile(target)
		dirInfo, _ := os.Stat(dir)
		if len(entries) != 1 || string(data) != "not icetimer's\n" || info.Mode().Perm() != 0o644 || dirInfo.Mode().Perm() != 0o755 {
			t.Errorf("%s changed what is outside the state directory (%d entries)", what, len(entries))
		}
	}
}

// Within calls fn, failing the test if it has not returned after 2 s (it is
// left hanging then: a blocked open cannot be cancelled).
func Within(t testing.TB, what string, fn func() error) (err error, ok bool) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err, true
	case <-time.After(2 * time.Second):
		t.Errorf("%s did not answer within 2 s", what)
		return nil, false
	}
}
