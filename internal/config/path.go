package config

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// FileName is the config file's name in its directory.
const FileName = "config.toml"

// Path is the config file icetimer reads: the first of Candidates that
// exists, else the first candidate (where 'config init' writes).
func Path() (string, error) {
	paths, err := Candidates()
	if err != nil {
		return "", err
	}
	return firstExisting(paths), nil
}

// firstExisting is the first of paths that exists, else the first.
func firstExisting(paths []string) string {
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return paths[0]
}

// Candidates are where the config file may be, in order (docs: CLI.md):
// $XDG_CONFIG_HOME/icetimer/config.toml when XDG_CONFIG_HOME is set, else
// ~/.config/icetimer/config.toml on every OS, and on Windows first
// %AppData%\icetimer\config.toml, the place Windows programs keep theirs.
func Candidates() ([]string, error) {
	home, _ := os.UserHomeDir() // only needed when XDG_CONFIG_HOME is unset
	return candidates(runtime.GOOS, os.Getenv, home)
}

func candidates(goos string, getenv func(string) string, home string) ([]string, error) {
	// The XDG spec ignores a relative XDG_CONFIG_HOME, and so does icetimer:
	// it would name a different file in every directory.
	if xdg := getenv("XDG_CONFIG_HOME"); xdg != "" && filepath.IsAbs(xdg) {
		return []string{filepath.Join(xdg, "icetimer", FileName)}, nil
	}
	var paths []string
	if appData := getenv("AppData"); goos == "windows" && appData != "" {
		paths = append(paths, filepath.Join(appData, "icetimer", FileName))
	}
	if home != "" {
		paths = append(paths, filepath.Join(home, ".config", "icetimer", FileName))
	}
	if len(paths) == 0 {
		return nil, errors.New("no config directory: set XDG_CONFIG_HOME or HOME")
	}
	return paths, nil
}
