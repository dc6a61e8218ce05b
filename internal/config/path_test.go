package config

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestPathFollowsXDGConfigHome(t *testing.T) {
	xdg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", xdg)
	t.Setenv("HOME", t.TempDir())
	if p, err := Path(); err != nil || p != filepath.Join(xdg, "icetimer", "config.toml") {
		t.Errorf("Path() = %q, %v", p, err)
	}
}

// A relative XDG_CONFIG_HOME is ignored, as the XDG spec says; the home
// directory's .config is the fallback.
func TestPathFallsBackToDotConfig(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	for _, xdg := range []string{"", "relative/dir"} {
		t.Setenv("XDG_CONFIG_HOME", xdg)
		if p, err := Path(); err != nil || p != filepath.Join(home, ".config", "icetimer", "config.toml") {
			t.Errorf("XDG_CONFIG_HOME=%q: Path() = %q, %v", xdg, p, err)
		}
	}
}

// On Windows, %AppData% comes first when XDG_CONFIG_HOME is unset; a file
// in ~/.config is still found when only it exists.
func TestWindowsCandidates(t *testing.T) {
	env := map[string]string{"AppData": `C:\Users\me\AppData\Roaming`}
	got, err := candidates("windows", func(k string) string { return env[k] }, `C:\Users\me`)
	want := []string{
		filepath.Join(`C:\Users\me\AppData\Roaming`, "icetimer", "config.toml"),
		filepath.Join(`C:\Users\me`, ".config", "icetimer", "config.toml"),
	}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("windows: %q, %v; want %q", got, err, want)
	}
	if _, err := candidates("linux", func(string) string { return "" }, ""); err == nil {
		t.Error("no XDG_CONFIG_HOME and no home directory: no error")
	}
}

func TestPathPrefersAFileThatExists(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"AppData": filepath.Join(home, "AppData")}
	paths, _ := candidates("windows", func(k string) string { return env[k] }, home)
	if got := firstExisting(paths); got != paths[0] {
		t.Errorf("neither exists: %q, want the first, %q", got, paths[0])
	}
	if err := os.MkdirAll(filepath.Dir(paths[1]), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(paths[1], nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := firstExisting(paths); got != paths[1] {
		t.Errorf("only the second exists: %q, want %q", got, paths[1])
	}
}
