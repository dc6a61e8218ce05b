package awake

import (
	"fmt"
	"runtime"
	"time"

	"golang.org/x/sys/windows"
)

// SetThreadExecutionState's flags (winbase.h).
const (
	esContinuous     = 0x80000000
	esSystemRequired = 0x00000001
)

var setThreadExecutionState = windows.NewLazySystemDLL("kernel32.dll").NewProc("SetThreadExecutionState")

// execState keeps Windows from sleeping with SetThreadExecutionState. The
// state belongs to the thread that set it, so one goroutine locked to its
// thread makes every call, for as long as the process runs.
type execState struct {
	calls chan uintptr
	done  chan error
	held  bool
}

func newInhibitor(Options, func(bool)) inhibitor {
	e := &execState{calls: make(chan uintptr), done: make(chan error)}
	go e.thread()
	return e
}

func (e *execState) thread() {
	runtime.LockOSThread() // never unlocked: the thread keeps the state
	for flags := range e.calls {
		var err error
		if prev, _, callErr := setThreadExecutionState.Call(flags); prev == 0 {
			err = fmt.Errorf("%w: SetThreadExecutionState failed (%v)", ErrUnavailable, callErr)
		}
		e.done <- err
	}
}

func (e *execState) set(flags uintptr) error {
	e.calls <- flags
	return <-e.done
}

func (e *execState) hold(string, time.Duration) error {
	if e.held {
		return nil
	}
	if err := e.set(esContinuous | esSystemRequired); err != nil {
		return err
	}
	e.held = true
	return nil
}

func (e *execState) release() error {
	if !e.held {
		return nil
	}
	e.held = false
	return e.set(esContinuous)
}

func (e *execState) proceed() {}

func (e *execState) rearm(time.Duration) error { return nil }
