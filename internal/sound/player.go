package sound

import (
	"errors"
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/worker"
)

// DefaultTimeout bounds one attempt to hand a chime to the sound server,
// connecting included. A local server answers in milliseconds; one that takes
// seconds is not working, and the bell must still ring while it is timely.
const DefaultTimeout = 2 * time.Second

// queueSize bounds the chimes waiting for the worker. Changes come minutes
// apart, so a few is already more than ever waits.
const queueSize = 4

// Errors Play can answer with besides the sound system's own. Every non-nil
// answer means the chime was not heard: ring the terminal bell instead.
var (
	// ErrNoServer: no sound server could be reached (none running, a
	// refused connection, a failed handshake).
	ErrNoServer = errors.New("no sound server")
	// ErrTimeout: the sound server did not take the chime within the
	// timeout.
	ErrTimeout = errors.New("sound server did not answer in time")
	// ErrStuck: an earlier attempt is still waiting on the sound server, so
	// this chime was not tried (see Player).
	ErrStuck = errors.New("an earlier chime is still stuck on the sound server")
	// ErrQueueFull: too many chimes were waiting; this one was not tried.
	ErrQueueFull = errors.New("sound queue full")
	// ErrClosed: the player was closed.
	ErrClosed = errors.New("sound player closed")
	// ErrUnknownChime: Play was given a value that is not a Chime.
	ErrUnknownChime = errors.New("unknown chime")
)

// Config sets up a Player; zero fields take the defaults.
type Config struct {
	// Timeout bounds each chime's attempt, from the worker picking it up to
	// the sound server taking it (DefaultTimeout when zero).
	Timeout time.Duration
}

// backend hands chimes to one platform's sound system. Only one play runs at
// a time. play must give up by itself around deadline where it can;
// the Player bounds it anyway. close may be called while a play is stuck
// and should make it return.
type backend interface {
	play(c Chime, deadline time.Time) error
	close()
}

// Player plays chimes on one worker goroutine; the caller never waits on the
// sound server.
//
// An attempt that times out may leave its goroutine waiting on the server
// (the Linux backend's own deadlines usually end it at about the same
// moment). To keep that to one goroutine, while such an attempt is
// outstanding the player tries nothing else and answers every chime at once
// with ErrStuck; it tries the server again as soon as the stuck attempt
// returns.
type Player struct {
	backend backend
	timeout time.Duration
	serial  *worker.Serial[job]
}

type job struct {
	c     Chime
	reply chan error
}

// NewPlayer starts a player's worker. It connects to nothing yet: the first
// Play does, so a program that never plays costs nothing. Close stops it.
func NewPlayer(cfg Config) *Player {
	return newPlayer(newBackend(), cfg)
}

func newPlayer(b backend, cfg Config) *Player {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	p := &Player{backend: b, timeout: cfg.Timeout}
	p.serial = worker.Start(worker.Config[job]{Timeout: cfg.Timeout, QueueSize: queueSize, Call: p.call, Answer: p.answer, Interruptible: true})
	return p
}

// Play queues c and returns at once. The channel receives exactly one error:
// nil once the chime has been handed to the sound server, or why not (no
// server, timeout, stuck, queue full, closed), and then the caller rings the
// terminal bell instead. The answer comes within the timeout of the worker
// reaching c, or at once when c is not tried. The channel is buffered, so a
// caller that stops listening leaks nothing.
func (p *Player) Play(c Chime) <-chan error {
	j := job{c: c, reply: make(chan error, 1)}
	if !c.valid() {
		j.reply <- fmt.Errorf("%w: %d", ErrUnknownChime, int(c))
		return j.reply
	}
	p.serial.Put(j)
	return j.reply
}

// Close stops the worker: it answers the chime in hand and everything still
// queued with ErrClosed, lets go of the sound server (which ends an attempt
// in progress) and returns without waiting on the server. Later Plays answer at once with ErrClosed. Close may be
// called more than once.
func (p *Player) Close() {
	if p.serial.Close() {
		// Closing the backend also ends an attempt still stuck on the server.
		p.backend.close()
	}
}

// answer tells j's caller what became of the chime, in this package's
// errors.
func (p *Player) answer(j job, err error) {
	switch {
	case errors.Is(err, worker.ErrTimeout):
		err = fmt.Errorf("%w (%s)", ErrTimeout, p.timeout)
	case errors.Is(err, worker.ErrStuck):
		err = ErrStuck
	case errors.Is(err, worker.ErrQueueFull):
		err = ErrQueueFull
	case errors.Is(err, worker.ErrClosed):
		err = ErrClosed
	}
	j.reply <- err
}

// call runs the backend; a panic in it is a chime not played, not a crashed
// program.
func (p *Player) call(j job) (err error) {
	// The backend's own deadline comes a tenth of the timeout before the
	// worker gives up, so an attempt on a silent server normally ends by
	// itself, with its own error, and leaves nothing stuck.
	deadline := time.Now().Add(p.timeout - p.timeout/10)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("sound backend panicked: %v", r)
		}
	}()
	return p.backend.play(j.c, deadline)
}
