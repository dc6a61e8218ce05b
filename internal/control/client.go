package control

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"time"
)

// Wait is the longest a command waits for the driver: to connect, to be
// let in when it is busy, and for its answer.
const Wait = 3 * time.Second

// maxAnswer caps a line the client reads: a reply or an event carries the
// whole course, which may be longer than a request.
const maxAnswer = 4 << 20

// Busy refusals are tried again after a pause from firstRetry doubling up
// to lastRetry, with jitter so that clients refused together do not come
// back together.
const (
	firstRetry = 5 * time.Millisecond
	lastRetry  = 100 * time.Millisecond
)

var (
	// ErrNotServing: nothing serves the control socket (no socket file, or
	// a stale one): no process drives the course through it. A command then
	// acts on the saved course itself, under the lock.
	ErrNotServing = errors.New("no icetimer serves the control socket")
	// ErrNoAnswer: the driver did not answer in time (Wait). The change may
	// not have been made; the command says so and fails.
	ErrNoAnswer = errors.New("the icetimer that drives the course did not answer")
)

// Do sends req to the driver serving the socket at path and returns its
// reply, all within Wait (or ctx's deadline, if sooner). A refusal is a
// Reply that is not OK (see Reply.Err), a busy one only when it lasted
// until the deadline; the errors are ErrNotServing, ErrNoAnswer, and an
// answer that is not this protocol's.
func Do(ctx context.Context, path string, req Request) (Reply, error) {
	if req.Do == watchVerb {
		return Reply{}, errors.New("control: use Watch to watch the course")
	}
	line, err := encodeRequest(req)
	if err != nil {
		return Reply{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, Wait)
	defer cancel()
	conn, m, err := open(ctx, path, line, lastWord)
	if err != nil {
		return Reply{}, err
	}
	conn.Close()
	r, err := m.reply()
	if err != nil {
		return Reply{}, fmt.Errorf("the icetimer that drives the course answered something that is not its control protocol: %w", err)
	}
	return r, nil
}

// lastWord is the end of Do's wait kept for the driver's last word: that
// long before the deadline, a client with no answer yet writes cancelLine,
// after which the driver applies nothing more of its request (see Handler),
// and reads what the driver says to that: its answer when it had begun,
// else a timeout.
const lastWord = 500 * time.Millisecond

// cancelLine is what a client that stops waiting writes after its request;
// the server takes anything written there so.
const cancelLine = `{"v":1,"do":"cancel"}` + "\n"

// open dials path, sends line and reads the first line back, trying again
// after a busy refusal while ctx lasts, which must have a deadline. It
// returns the connection, open, and that line, which is the busy refusal
// when busy lasted until the end. lastWord is the end of the wait kept for
// the driver's last word (see the constant); 0 for none.
func open(ctx context.Context, path string, line []byte, lastWord time.Duration) (*answers, message, error) {
	start := time.Now()
	deadline, _ := ctx.Deadline()
	noAnswer := func(why string) error {
		if errors.Is(ctx.Err(), context.Canceled) { // the caller's choice, not the driver's silence
			return ctx.Err()
		}
		return fmt.Errorf("%w within %s%s", ErrNoAnswer, time.Since(start).Round(100*time.Millisecond), why)
	}
	pause := firstRetry
	for {
		a, m, err := exchange(ctx, path, line, deadline.Add(-lastWord))
		busy := errors.Is(err, errBusy) || (err == nil && m.Code == CodeBusy)
		if !busy {
			if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) || isTimeout(err) {
				err = noAnswer("")
			}
			return a, m, err
		}
		if a != nil {
			a.Close()
		}
		wait := pause/2 + rand.N(pause)
		if time.Until(deadline)-lastWord < wait {
			if err != nil { // a full backlog, with no answer to show
				return nil, message{}, noAnswer(": it is busy with other clients")
			}
			return a, m, nil
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, message{}, noAnswer("")
		}
		pause = min(2*pause, lastRetry)
	}
}

// errBusy: the server's queue of connections not yet accepted is full.
var errBusy = errors.New("the control socket is busy")

// exchange is one try of open's. With no answer by giveUp, before ctx's
// deadline, it cancels and reads until the deadline.
func exchange(ctx context.Context, path string, line []byte, giveUp time.Time) (*answers, message, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", path)
	switch {
	case err == nil:
	case ctx.Err() != nil:
		return nil, message{}, ctx.Err()
	case nobodyListens(err):
		return nil, message{}, ErrNotServing
	case backlogFull(err):
		return nil, message{}, errBusy
	default:
		return nil, message{}, fmt.Errorf("cannot reach the icetimer that drives the course: %w", err)
	}
	deadline, _ := ctx.Deadline()
	_ = conn.SetDeadline(giveUp)
	fired := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		_ = conn.SetDeadline(time.Now())
		close(fired)
	})
	// A write that fails may still have an answer to read: the server
	// refuses a long or a busy line at once and closes.
	_, _ = conn.Write(line)
	a := newAnswers(conn)
	m, err := a.next()
	if err != nil && isTimeout(err) && ctx.Err() == nil && giveUp.Before(deadline) {
		_ = conn.SetDeadline(deadline)
		_, _ = conn.Write([]byte(cancelLine))
		a = newAnswers(conn) // a scanner stops at its first error
		m, err = a.next()
	}
	if !stop() {
		<-fired // so that its deadline comes before the one cleared below
	}
	switch {
	case err == nil: // an answer that came is the truth, even at the deadline
		_ = conn.SetDeadline(time.Time{})
		return a, m, nil
	case ctx.Err() != nil:
		err = ctx.Err()
	}
	a.Close()
	return nil, message{}, err
}

// answers reads the lines a server writes on one connection.
type answers struct {
	net.Conn
	lines *bufio.Scanner
}

func newAnswers(conn net.Conn) *answers {
	lines := bufio.NewScanner(conn)
	lines.Buffer(make([]byte, 0, 4096), maxAnswer+1)
	return &answers{Conn: conn, lines: lines}
}

// next reads the next line; errClosedEarly when the server closed the
// connection instead.
func (a *answers) next() (message, error) {
	if !a.lines.Scan() {
		if err := a.lines.Err(); err != nil {
			return message{}, err
		}
		return message{}, errClosedEarly
	}
	var m message
	if err := json.Unmarshal(a.lines.Bytes(), &m); err != nil {
		return message{}, fmt.Errorf("the icetimer that drives the course answered something that is not its control protocol: %w", err)
	}
	if m.V != Version {
		return message{}, fmt.Errorf("the icetimer that drives the course speaks control protocol version %d, this one %d: use the same icetimer for both", m.V, Version)
	}
	return m, nil
}

// errClosedEarly: the server closed the connection where a line should
// have come.
var errClosedEarly = errors.New("the icetimer that drives the course closed the connection without answering")

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
