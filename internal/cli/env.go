// Package cli is icetimer's command line: one file per command, each in
// one shape (XOptions, NewCmdX(env, runF), xRun(opts)), over an Env that
// holds everything a command takes from the process (the clock, the state
// and config directories, the settings, the streams). cmd/icetimer only
// makes the Env and calls Main.
package cli

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/icetimer/icetimer/internal/config"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
)

// Env is what every command takes from the process it runs in. main makes
// one with NewEnv; a test makes its own, with its own clock, directories
// and streams, so tests share nothing.
type Env struct {
	// Clock is the wall clock every command reads.
	Clock session.Clock
	// Boot is the clock that runs on through a suspend, against which the
	// process that drives a course tells a step of the wall clock; nil
	// means the system's (session.BootClock).
	Boot func() (time.Duration, bool)
	// StateDir is icetimer's state directory; "" means the user's
	// (store.Dir), found when a command needs it.
	StateDir string
	// ConfigDir is the directory of the config file; "" means the user's
	// (config.Path), found when a command needs it.
	ConfigDir string
	// Settings are the config file's, read before each command runs (the
	// defaults for the commands that do not read it).
	Settings config.Config
	// In, Out and Err are the command's standard streams.
	In       io.Reader
	Out, Err io.Writer
	// IsTerminal says whether Out is a terminal, where the timer screen
	// can be drawn.
	IsTerminal bool
	// LockWait is how long a command waits for the lock another one holds
	// without serving the control socket (a command changing the course
	// once, a driver starting or handing over); zero means 2 s.
	LockWait time.Duration
}

// NewEnv is this process's Env: the wall clock, the user's directories
// and the standard streams.
func NewEnv() *Env {
	return &Env{
		Clock:      time.Now,
		Settings:   config.Default(),
		In:         os.Stdin,
		Out:        os.Stdout,
		Err:        os.Stderr,
		IsTerminal: term.IsTerminal(os.Stdout.Fd()),
	}
}

// stateDir is the state directory commands read and write.
func (e *Env) stateDir() (string, error) {
	if e.StateDir != "" {
		return e.StateDir, nil
	}
	return store.Dir()
}

// readOnlyStore is the state directory for commands that only read: it
// creates nothing and moves nothing aside (store.ReadOnly).
func (e *Env) readOnlyStore() (*store.Store, error) {
	dir, err := e.stateDir()
	if err != nil {
		return nil, err
	}
	return store.ReadOnly(dir), nil
}

// configPath is the config file commands read and `config init` writes.
func (e *Env) configPath() (string, error) {
	if e.ConfigDir != "" {
		return filepath.Join(e.ConfigDir, config.FileName), nil
	}
	return config.Path()
}
