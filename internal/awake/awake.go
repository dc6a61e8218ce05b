// Package awake keeps the computer from sleeping while a pack is on, so
// that the reminder to take it off comes from the computer too, and tells
// the caller when the computer goes to sleep anyway (a lid closed), so that
// it can say so before it does.
//
// On Linux it asks logind over the system bus (godbus, a private
// connection, every call bounded by a timeout) for two inhibitors: a
// "block" one on sleep and idle, and a "delay" one on sleep, which holds a
// suspend back for a moment after logind's PrepareForSleep(true) signal; a
// lid switch ignores the first by default, never the second. On macOS it
// runs caffeinate -i -w PID, which ends with the process. On Windows it
// calls SetThreadExecutionState. Where none of these can work (no system
// bus, no logind, no caffeinate) Hold answers ErrUnavailable once, and
// nothing else changes.
package awake

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/icetimer/icetimer/internal/worker"
)

// Defaults of Options.
const (
	// DefaultTimeout bounds each call to the system: a bus that does not
	// answer within it is not working.
	DefaultTimeout = 2 * time.Second
	// DefaultSleepDelay is how long at most a sleep is held back for the
	// caller's message, once Sleeping has said it comes: logind waits 5 s at
	// most (InhibitDelayMaxSec).
	DefaultSleepDelay = 4 * time.Second
)

// ErrUnavailable says that keeping the computer awake cannot work here:
// the caller shows it once; later Holds do nothing and answer nil.
var ErrUnavailable = errors.New("keeping the computer awake is not possible here")

// Options tune a Keeper; zero fields take the defaults.
type Options struct {
	Timeout    time.Duration
	SleepDelay time.Duration
	// PID is the process whose end ends the hold on macOS (this one).
	PID int
}

// Keeper holds the computer awake while asked, without ever blocking the
// caller: every call goes to one worker, bounded by the timeout.
type Keeper struct {
	o        Options
	os       inhibitor
	serial   *worker.Serial[job]
	sleeping chan struct{}
	troubles chan error

	mu sync.Mutex
	// off is set once Hold answered ErrUnavailable.
	off bool
	// delayTimer lets the sleep go on by itself after SleepDelay.
	delayTimer *time.Timer
}

// inhibitor is what each system does to keep the computer awake. Its
// methods run on the Keeper's worker, one at a time.
type inhibitor interface {
	// hold takes the inhibitors for why, unless they are held already.
	hold(why string, timeout time.Duration) error
	// release lets the computer sleep again.
	release() error
	// proceed lets a sleep that was announced go on; rearm takes the delay
	// inhibitor again once the computer woke, while held.
	proceed()
	rearm(timeout time.Duration) error
}

// job is one thing for the worker to do.
type job struct {
	do    func() error
	reply chan error
}

// New makes a Keeper; it holds nothing until Hold.
func New(o Options) *Keeper {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.SleepDelay <= 0 {
		o.SleepDelay = DefaultSleepDelay
	}
	if o.PID == 0 {
		o.PID = os.Getpid()
	}
	k := &Keeper{o: o, sleeping: make(chan struct{}, 1), troubles: make(chan error, 4)}
	k.os = newInhibitor(o, k.prepareForSleep)
	k.serial = worker.Start(worker.Config[job]{
		// A call ends by its own timeout; the worker's is a backstop.
		Timeout:   2*o.Timeout + time.Second,
		QueueSize: 8,
		Call:      func(j job) error { return j.do() },
		Answer: func(j job, err error) {
			if j.reply != nil {
				j.reply <- wrap(err)
				return
			}
			if err != nil {
				select {
				case k.troubles <- wrap(err):
				default:
				}
			}
		},
	})
	return k
}

// Hold keeps the computer awake, for why (shown by the system's list of
// inhibitors, e.g. "Ice pack on until 14:20"), until Release. It returns at
// once; the channel receives nil or why it failed. Holding while held does
// nothing.
func (k *Keeper) Hold(why string) <-chan error {
	reply := make(chan error, 1)
	k.mu.Lock()
	off := k.off
	k.mu.Unlock()
	if off {
		reply <- nil
		return reply
	}
	k.serial.Put(job{reply: reply, do: func() error {
		err := k.os.hold(why, k.o.Timeout)
		if errors.Is(err, ErrUnavailable) {
			k.mu.Lock()
			k.off = true
			k.mu.Unlock()
		}
		return err
	}})
	return reply
}

// Release lets the computer sleep again; releasing what is not held does
// nothing. The channel receives nil or why it failed.
func (k *Keeper) Release() <-chan error {
	reply := make(chan error, 1)
	k.serial.Put(job{reply: reply, do: func() error {
		k.stopDelayTimer()
		return k.os.release()
	}})
	return reply
}

// Sleeping receives when the computer is about to sleep while held (Linux
// only): the caller says so, then calls Ready. It is never closed.
func (k *Keeper) Sleeping() <-chan struct{} { return k.sleeping }

// Troubles receives, one line each, the failures of what the Keeper does
// by itself (taking the delay inhibitor again after a wake); it is never
// closed, and drops what the caller does not read.
func (k *Keeper) Troubles() <-chan error { return k.troubles }

// Ready lets an announced sleep go on: the caller has said what it had to.
// Without it the sleep goes on SleepDelay after Sleeping.
func (k *Keeper) Ready() {
	k.serial.Put(job{do: func() error {
		k.stopDelayTimer()
		k.os.proceed()
		return nil
	}})
}

// Close stops the worker, once the call in hand ended (about the timeout
// at most), and releases what is held.
func (k *Keeper) Close() {
	k.serial.Close()
	k.stopDelayTimer()
	k.os.release()
}

// prepareForSleep is called, from the system's side, when the computer is
// about to sleep (start) or has woken.
func (k *Keeper) prepareForSleep(start bool) {
	if !start {
		k.serial.Put(job{do: func() error { return k.os.rearm(k.o.Timeout) }})
		return
	}
	select {
	case k.sleeping <- struct{}{}:
	default:
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.delayTimer == nil {
		k.delayTimer = time.AfterFunc(k.o.SleepDelay, k.Ready)
	} else {
		k.delayTimer.Reset(k.o.SleepDelay)
	}
}

func (k *Keeper) stopDelayTimer() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.delayTimer != nil {
		k.delayTimer.Stop()
	}
}

// wrap makes err one line that says what could not be done.
func wrap(err error) error {
	if err == nil || errors.Is(err, ErrUnavailable) {
		return err
	}
	return fmt.Errorf("keeping the computer awake: %w", err)
}
