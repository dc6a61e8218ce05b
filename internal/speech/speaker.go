package speech

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/icetimer/icetimer/internal/sound"
	"github.com/icetimer/icetimer/internal/worker"
)

// DefaultTimeout bounds one utterance from the worker taking it up to its
// last word: a reminder takes about five seconds to say, twice that at a
// slow rate, and a voice that has not finished in 30 s is not working.
const DefaultTimeout = 30 * time.Second

// MaxAfter is the longest Say waits before speaking: longer than any
// chime.
const MaxAfter = 5 * time.Second

// chimeGap is the silence between a chime and the voice after it; it
// covers the chime's own start (within 300 ms of its Play, tested in
// package sound).
const chimeGap = 400 * time.Millisecond

// queueSize bounds the texts waiting for the worker. Reminders come
// minutes apart, so a few is already more than ever waits.
const queueSize = 4

// Errors Say can answer with besides an engine's own.
var (
	// ErrNoSpeech: no speech engine is available here; the error says why
	// for each one tried. The caller says so once and carries on: a later
	// Say tries again (a speech-dispatcher started since is found).
	ErrNoSpeech = errors.New("no speech engine")
	// ErrTimeout: the text was not spoken to its end within the timeout.
	ErrTimeout = errors.New("speech did not finish in time")
	// ErrStuck: an earlier text is still stuck on the engine, so this one
	// was not tried.
	ErrStuck = errors.New("an earlier text is still stuck on the speech engine")
	// ErrQueueFull: too many texts were waiting; this one was not tried.
	ErrQueueFull = errors.New("speech queue full")
	// ErrClosed: the speaker was closed.
	ErrClosed = errors.New("speaker closed")
	// ErrNothingToSay: the text was empty.
	ErrNothingToSay = errors.New("nothing to say")
)

// Config sets up a Speaker; zero fields take the defaults.
type Config struct {
	// Timeout bounds each utterance, from the worker taking it up (after
	// its wait) to its last word (DefaultTimeout when zero).
	Timeout time.Duration
}

// engine is one way of speaking. speak says text and returns once it has
// been spoken to its end, or why not, giving up around deadline; an error
// that is an unavailable means the engine cannot be reached at all (not
// installed, not running) and nothing was said, so the next one is tried.
// ready waits until the text is due (its chime has played) and must be
// called just before the engine makes a sound, so that what it does first
// (connecting, rendering the speech) is done while the chime plays; its
// error (the speaker closed) ends the attempt. Only one speak runs at a
// time. close may be called while a speak is in progress and makes it
// return.
type engine interface {
	name() string
	speak(text string, ready func() error, deadline time.Time) error
	close()
}

// unavailable wraps why an engine cannot be reached at all.
type unavailable struct{ error }

func (u unavailable) Unwrap() error { return u.error }

// isUnavailable reports whether err says the engine cannot be reached.
func isUnavailable(err error) bool { return errors.As(err, new(unavailable)) }

// Speaker says texts on one worker goroutine; the caller never waits on
// the speech engine. It is a worker.Serial: one text at a time, in order,
// each bounded by the timeout; while an attempt that timed out is still
// outstanding, texts are answered ErrStuck at once.
type Speaker struct {
	engines   []engine
	timeout   time.Duration
	maxAfter  time.Duration
	serial    *worker.Serial[job]
	closing   chan struct{} // closed by Close: a wait before speaking ends
	closeOnce sync.Once
}

type job struct {
	text      string
	notBefore time.Time
	reply     chan error
}

// New starts a speaker's worker. It connects to nothing yet: the first Say
// does, so a program that never speaks costs nothing. Close stops it.
func New(cfg Config) *Speaker { return newSpeaker(engines(), cfg, MaxAfter) }

// newSpeaker makes a Speaker of engines whose waits before speaking last at
// most maxAfter.
func newSpeaker(engines []engine, cfg Config, maxAfter time.Duration) *Speaker {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	s := &Speaker{engines: engines, timeout: cfg.Timeout, maxAfter: maxAfter, closing: make(chan struct{})}
	s.serial = worker.Start(worker.Config[job]{
		// The wait before speaking is part of the worker's bound.
		Timeout: cfg.Timeout + maxAfter, QueueSize: queueSize, Interruptible: true,
		Call: s.call, Answer: s.answer,
	})
	return s
}

// AfterChime is the wait to pass to Say so that the voice follows chime c
// (played just before) instead of talking over it.
func AfterChime(c sound.Chime) time.Duration { return c.Duration() + chimeGap }

// Say queues text, to be spoken no sooner than after from now (at most
// MaxAfter; AfterChime for a chime just played), and returns at once. The
// channel receives exactly one error: nil once the text has been spoken to
// its end, or why not (ErrNoSpeech, an engine's failure, timeout, stuck,
// queue full, closed). It comes within after plus the timeout of the worker
// reaching the text, or at once when the text is not tried. The channel is
// buffered, so a caller that stops listening leaks nothing.
func (s *Speaker) Say(text string, after time.Duration) <-chan error {
	j := job{text: clean(text), notBefore: time.Now().Add(min(max(after, 0), s.maxAfter)), reply: make(chan error, 1)}
	if j.text == "" {
		j.reply <- ErrNothingToSay
		return j.reply
	}
	s.serial.Put(j)
	return j.reply
}

// Close stops the worker: it answers the text in hand and everything still
// queued with ErrClosed, lets go of the engines (which ends an utterance in
// progress where the engine allows) and returns without waiting on them.
// Later Says answer at once with ErrClosed. Close may be called more than
// once.
func (s *Speaker) Close() {
	s.serial.Close()
	s.closeOnce.Do(func() {
		close(s.closing)
		for _, e := range s.engines {
			e.close()
		}
	})
}

// call speaks j, no sooner than its time; a panic in an engine is a text
// not spoken, not a crashed program.
func (s *Speaker) call(j job) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("speech engine panicked: %v", r)
		}
	}()
	// The engines' own deadline comes a tenth of the timeout before the
	// worker gives up, so an attempt normally ends by itself, with its own
	// error, and leaves nothing stuck.
	start := time.Now()
	if j.notBefore.After(start) {
		start = j.notBefore
	}
	return s.speak(j.text, func() error { return s.until(j.notBefore) }, start.Add(s.timeout-s.timeout/10))
}

// until waits until t, or until the speaker closes (ErrClosed).
func (s *Speaker) until(t time.Time) error {
	wait := time.Until(t)
	if wait <= 0 {
		return nil
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-s.closing:
		return ErrClosed
	}
}

// speak tries the engines in order; the first available one says text,
// once ready says it is due.
func (s *Speaker) speak(text string, ready func() error, deadline time.Time) error {
	var why []string
	for _, e := range s.engines {
		err := e.speak(text, ready, deadline)
		switch {
		case err == nil:
			return nil
		case !isUnavailable(err):
			return fmt.Errorf("%s: %w", e.name(), err)
		}
		why = append(why, fmt.Sprintf("%s: %v", e.name(), err))
	}
	return fmt.Errorf("%w (%s)", ErrNoSpeech, strings.Join(why, "; "))
}

// answer tells j's caller what became of the text, in this package's
// errors.
func (s *Speaker) answer(j job, err error) {
	switch {
	case errors.Is(err, worker.ErrTimeout):
		err = fmt.Errorf("%w (%s)", ErrTimeout, s.timeout)
	case errors.Is(err, worker.ErrStuck):
		err = ErrStuck
	case errors.Is(err, worker.ErrQueueFull):
		err = ErrQueueFull
	case errors.Is(err, worker.ErrClosed):
		err = ErrClosed
	}
	j.reply <- err
}

// clean makes text fit to hand to an engine: valid UTF-8, its lines kept,
// every other control character a space, no space around it.
func clean(text string) string {
	text = strings.ToValidUTF8(text, "")
	text = strings.Map(func(r rune) rune {
		if r != '\n' && unicode.IsControl(r) {
			return ' '
		}
		return r
	}, text)
	return strings.TrimSpace(text)
}
