package ui

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
)

// TestProgramOptionsSizeTheRuntime checks the runtime settings for an idle
// screen, and that GOMAXPROCS and GOGC from the environment win.
func TestProgramOptionsSizeTheRuntime(t *testing.T) {
	procs, gc := runtime.GOMAXPROCS(0), debug.SetGCPercent(100)
	t.Cleanup(func() { runtime.GOMAXPROCS(procs); debug.SetGCPercent(gc) })
	for _, name := range []string{"GOMAXPROCS", "GOGC"} {
		t.Setenv(name, "") // restores the variable afterwards
		if err := os.Unsetenv(name); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GOMAXPROCS(2)
	if opts := ProgramOptions(); len(opts) != 1 {
		t.Errorf("got %d options, want the frame rate only", len(opts))
	}
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Errorf("GOMAXPROCS = %d, want 1", got)
	}
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GC percent = %d, want %d", got, gcPercent)
	}

	t.Setenv("GOMAXPROCS", "2")
	t.Setenv("GOGC", "100")
	runtime.GOMAXPROCS(2)
	ProgramOptions()
	if got := runtime.GOMAXPROCS(0); got != 2 {
		t.Errorf("with GOMAXPROCS=2 set, GOMAXPROCS = %d, want 2", got)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC=100 set, GC percent = %d, want 100", got)
	}
}
