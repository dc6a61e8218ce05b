// Package hooks runs the person's own command at each change of a course
// (the config file's [hooks] on_change): a smart light, a speaker. It runs
// through the shell (sh -c; cmd /C on Windows) with the change in its
// environment, on a worker so that neither the screen nor `run` ever waits
// for it, for at most Limit. When it exits, or is killed at Limit, what it
// started is ended with it: its process group, and on Linux also what left
// the group (see shell). Its output is appended to a log in the state
// directory, which never grows past LogLimit (see cappedLog).
//
// A hook still running when the next change comes is left to finish (or be
// killed at its limit) and the next one runs after it: a light told "off"
// must not be cut short by "on". So a hook starts at most Limit late, and
// each change's hook runs, in order, unless QueueSize are already waiting.
package hooks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/icetimer/icetimer/internal/worker"
)

// Defaults for a Runner (see Options).
const (
	// DefaultLimit is how long a hook may run before it is killed.
	DefaultLimit = 5 * time.Second
	// DefaultQueueSize bounds the hooks waiting for the one running.
	DefaultQueueSize = 4
	// closeWait is how long Close lets the hooks still to run finish
	// before it kills them: the process is exiting.
	closeWait = time.Second
)

// Config is the [hooks] table of the config file.
type Config struct {
	// OnChange is a shell command line run at each change; empty for none.
	OnChange string
}

// Options tune a Runner; zero fields take the defaults.
type Options struct {
	Limit     time.Duration
	QueueSize int
	// Log opens the log the hook's output is appended to
	// (store.OpenHookLog); nil discards it.
	Log func() (*os.File, error)
	// LogLimit is the size at which the log is rotated (DefaultLogLimit).
	LogLimit int64
}

// Errors of Run.
var (
	ErrClosed    = errors.New("hooks stopped")
	ErrQueueFull = errors.New("too many hooks waiting; this change's is skipped")
)

// Runner runs the on_change hook, one at a time, on its own goroutine.
type Runner struct {
	line     string
	limit    time.Duration
	log      func() (*os.File, error)
	logLimit int64
	queue    chan job

	// runs is the parent of every hook's context: Close ends it, which
	// kills the hook running.
	runs   context.Context
	cancel context.CancelFunc
	gate   worker.Gate
	done   chan struct{}
}

type job struct {
	e     Event
	reply chan error
}

// New starts a Runner for cfg; Close stops it.
func New(cfg Config, o Options) *Runner {
	if o.Limit <= 0 {
		o.Limit = DefaultLimit
	}
	if o.QueueSize <= 0 {
		o.QueueSize = DefaultQueueSize
	}
	if o.LogLimit <= 0 {
		o.LogLimit = DefaultLogLimit
	}
	runs, cancel := context.WithCancel(context.Background())
	r := &Runner{line: cfg.OnChange, limit: o.Limit, log: o.Log, logLimit: o.LogLimit,
		queue: make(chan job, o.QueueSize), runs: runs, cancel: cancel, done: make(chan struct{})}
	go r.work()
	return r
}

// Run queues the hook for e and returns at once. The channel receives
// exactly one value once it is done: nil when the hook exited with status
// 0, otherwise why not, in one line.
func (r *Runner) Run(e Event) <-chan error {
	j := job{e: e, reply: make(chan error, 1)}
	r.gate.Lock()
	defer r.gate.Unlock()
	switch {
	case r.gate.Closed:
		j.reply <- r.failed(e, ErrClosed)
	default:
		select {
		case r.queue <- j:
		default:
			j.reply <- r.failed(e, ErrQueueFull)
		}
	}
	return j.reply
}

// Close lets the hooks running and waiting finish for at most a second
// (the "done" hook of a course that just ended must still run), then kills
// what is left and answers it with ErrClosed: a stuck hook never holds up
// the exit. It may be called more than once.
func (r *Runner) Close() {
	r.gate.Shut(func() { close(r.queue) })
	worker.Drain(r.done, closeWait, r.cancel) // what is left fails at once
	r.cancel()
}

func (r *Runner) work() {
	defer close(r.done)
	for j := range r.queue {
		if r.runs.Err() != nil {
			j.reply <- r.failed(j.e, ErrClosed)
			continue
		}
		j.reply <- r.run(j.e)
	}
}

// run runs the hook for e and says how it ended.
func (r *Runner) run(e Event) error {
	ctx, cancel := context.WithTimeout(r.runs, r.limit)
	defer cancel()
	out, logErr := r.openLog()
	fmt.Fprintf(out, "%s %s: %s\n", time.Now().Format(time.RFC3339), e.Name, r.line)
	cmd := shell(ctx, r.line, append(os.Environ(), e.environ()...))
	// One pipe for both, copied into the log as it fills; a process that
	// escaped the kill and still holds the pipe must not hold Wait, nor
	// must a hook that does not die when it is told to.
	cmd.Stdout, cmd.Stderr = out, out
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	endGroup(cmd)
	switch {
	case ctx.Err() != nil && r.runs.Err() == nil:
		err = fmt.Errorf("killed after %s", r.limit)
	case ctx.Err() != nil:
		err = ErrClosed
	}
	if err != nil {
		fmt.Fprintf(out, "%s %s: %v\n", time.Now().Format(time.RFC3339), e.Name, err)
	}
	if cerr := out.Close(); logErr == nil {
		logErr = cerr
	}
	if err != nil {
		return r.failed(e, err)
	}
	if logErr != nil {
		return r.failed(e, fmt.Errorf("ran, but its output is lost: %w", logErr))
	}
	return nil
}

// failed says that the hook for e failed, and why, in one line.
func (r *Runner) failed(e Event, err error) error {
	return fmt.Errorf("hook on_change (%s): %w", e.Name, err)
}

// openLog opens the log, or a sink when there is none (or it cannot be
// opened: the hook still runs, and the error says its output is lost).
func (r *Runner) openLog() (output, error) {
	if r.log == nil {
		return discard{}, nil
	}
	l, err := openCappedLog(r.log, r.logLimit)
	if err != nil {
		return discard{}, err
	}
	return l, nil
}

// output is where a hook's output goes: the log file, or nowhere.
type output interface {
	io.Writer
	Close() error
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
func (discard) Close() error                { return nil }
