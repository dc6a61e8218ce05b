package control

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"time"
)

// errGone: the client closed the connection, or it broke, before its
// request came; there is nobody to answer.
var errGone = errors.New("the client went away")

// limits bound what the server gives any one client, so that none can hold
// up the driver or the others.
type limits struct {
	read    time.Duration // for the request line, from accepting the connection
	write   time.Duration // for each line written
	handler time.Duration // for the driver's answer
	conns   int           // requests served at once
	watches int           // watch streams open at once
}

var defaultLimits = limits{
	read:    2 * time.Second,
	write:   2 * time.Second,
	handler: time.Second,
	conns:   128,
	watches: 32,
}

// Server serves the control socket for the process that drives the course.
// Start it with Serve; tell watchers of every change with Publish; end it
// with Close, saying why.
type Server struct {
	handler Handler
	limits  limits
	uid     int           // the only user served, where the system tells the peer's
	slots   chan struct{} // one per request being served
	watch   watchers

	mu      sync.Mutex
	ln      net.Listener
	closing bool
	reading map[net.Conn]struct{} // connections whose request line is awaited
	stop    context.CancelFunc    // ends the handlers' contexts
	ctx     context.Context
	wg      sync.WaitGroup // the connections' goroutines
}

// NewServer is a server that hands the requests it reads to h.
func NewServer(h Handler) *Server { return newServer(h, defaultLimits) }

func newServer(h Handler, l limits) *Server {
	s := &Server{handler: h, limits: l, uid: os.Getuid(), slots: make(chan struct{}, l.conns), reading: map[net.Conn]struct{}{}}
	s.ctx, s.stop = context.WithCancel(context.Background())
	s.watch.init(l)
	return s
}

// Serve accepts connections on ln until Close is called or ctx is done
// (then as Close("the driver stopped")), and closes ln. Each connection is
// served on a goroutine of its own; Serve itself never waits on a client.
// It returns nil once closed, or the error that stopped it accepting.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.mu.Lock()
	if s.closing || s.ln != nil {
		s.mu.Unlock()
		ln.Close()
		return errors.New("control: the server is closed or already serving")
	}
	s.ln = ln
	s.mu.Unlock()
	defer context.AfterFunc(ctx, func() { s.Close("the driver stopped") })()

	var pause time.Duration // after an error that may pass (out of file descriptors)
	for {
		conn, err := ln.Accept()
		if err != nil {
			if s.isClosing() {
				return nil
			}
			if !errors.Is(err, net.ErrClosed) && mayPass(err) {
				pause = min(max(2*pause, 5*time.Millisecond), time.Second)
				select {
				case <-time.After(pause):
				case <-s.ctx.Done():
				}
				continue
			}
			s.Close("the control socket failed")
			return err
		}
		pause = 0
		s.admit(conn)
	}
}

// admit starts serving conn, or refuses it at once when too many are served
// already.
func (s *Server) admit(conn net.Conn) {
	if r, ok := s.start(conn); !ok {
		s.refuse(conn, r)
	}
}

// start starts serving conn if the server is open and has a slot free, and
// otherwise says why not.
func (s *Server) start(conn net.Conn) (Reply, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return Refused(CodeClosing, closing), false
	}
	select {
	case s.slots <- struct{}{}:
	default:
		return Refused(CodeBusy, busy), false
	}
	s.reading[conn] = struct{}{}
	s.wg.Add(1)
	go s.serve(conn)
	return Reply{}, true
}

// refuse answers conn with r and closes it. A fresh connection's buffer is
// empty, so the write does not wait; the deadline is there all the same.
func (s *Server) refuse(conn net.Conn, r Reply) {
	_ = writeLine(conn, replyMessage(r), s.limits.write)
	conn.Close()
}

// serve reads conn's one request and answers it, or hands it to the
// watchers.
func (s *Server) serve(conn net.Conn) {
	defer s.wg.Done()
	release := sync.OnceFunc(func() { <-s.slots })
	defer release()
	req, r, err := s.readRequest(conn)
	switch {
	case errors.Is(err, errGone):
	case err != nil:
		_ = writeLine(conn, replyMessage(refusal(err)), s.limits.write)
	case req.Do == watchVerb:
		release() // a stream is counted among the watchers
		if err := s.watch.serve(conn); err != nil {
			_ = writeLine(conn, replyMessage(refusal(err)), s.limits.write)
		}
	default:
		_ = writeLine(conn, replyMessage(s.apply(req, func() bool { return r.Buffered() > 0 || pending(conn) })), s.limits.write)
	}
	conn.Close()
}

// readRequest reads and parses conn's request line, within the read
// deadline and the cap: a *RefusalError says why it is refused, errGone
// that the client went away. The reader it returns holds what came after.
func (s *Server) readRequest(conn net.Conn) (Request, *bufio.Reader, error) {
	defer func() {
		s.mu.Lock()
		delete(s.reading, conn)
		s.mu.Unlock()
	}()
	if err := checkPeer(conn, s.uid); err != nil {
		return Request{}, nil, err
	}
	_ = conn.SetReadDeadline(time.Now().Add(s.limits.read))
	r := bufio.NewReaderSize(conn, 4096)
	line, err := readLine(r, MaxLine)
	var timeout net.Error
	switch {
	case s.isClosing():
		return Request{}, nil, &RefusalError{Code: CodeClosing, Message: closing}
	case err == nil:
		req, err := parseRequest(line)
		return req, r, err
	case errors.Is(err, errTooLong):
		return Request{}, nil, &RefusalError{Code: CodeTooLong, Message: tooLong}
	case errors.As(err, &timeout) && timeout.Timeout():
		return Request{}, nil, &RefusalError{Code: CodeIdle, Message: fmt.Sprintf(idle, s.limits.read)}
	}
	return Request{}, nil, errGone
}

// errTooLong: a line is over the cap.
var errTooLong = errors.New("line too long")

// readLine reads one line of at most max bytes, its newline left out; the
// last line may end at the end of file instead.
func readLine(r *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		line = append(line, chunk...)
		if len(bytes.TrimSuffix(line, []byte("\n"))) > max {
			return nil, errTooLong
		}
		switch {
		case err == nil:
			return line[:len(line)-1], nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && len(line) > 0:
			return line, nil
		}
		return nil, err
	}
}

// apply has the handler apply req, waiting for it within the limit unless
// it began applying. gaveUp says whether the client wrote anything after
// its request: it stopped waiting (see Do), and nothing may be applied
// after that.
func (s *Server) apply(req Request, gaveUp func() bool) Reply {
	ctx, cancel := context.WithTimeout(s.ctx, s.limits.handler)
	defer cancel()
	var c claim
	begin := func() bool { return c.begin(gaveUp) }
	answer := make(chan Reply, 1) // the handler may answer after nobody waits
	go func() { answer <- s.handler.Handle(ctx, req, begin) }()
	select {
	case r := <-answer:
		if c.state.Load() == claimAbandoned { // begin said no: the client gave up
			return Refused(CodeTimeout, stopped)
		}
		return r
	case <-ctx.Done():
	}
	if c.abandon() {
		if s.isClosing() {
			return Refused(CodeClosing, closing)
		}
		return Refused(CodeTimeout, fmt.Sprintf(noAnswer, s.limits.handler))
	}
	select {
	case r := <-answer:
		return r
	case <-time.After(s.limits.handler):
		return Refused(CodeUnfinished, fmt.Sprintf(unfinished, 2*s.limits.handler))
	}
}

// Close stops the server: no more connections (the socket file goes with
// the listener), a bye saying why to every watcher, and connections still
// waiting for their request line dropped. It waits for the connections'
// goroutines, which the write deadline and the handler's bound keep short
// (at most 2 s for a watcher that does not read). A request waiting for the
// driver's goroutine is waited for too: that goroutine answers it before it
// calls Close (a stop request included), or calls Close on another
// goroutine. Closing again only waits.
func (s *Server) Close(why string) {
	s.mu.Lock()
	first := !s.closing
	s.closing = true
	ln := s.ln
	for conn := range s.reading {
		_ = conn.SetReadDeadline(time.Now())
	}
	s.mu.Unlock()
	if first {
		if ln != nil {
			ln.Close()
		}
		s.stop()
		s.watch.bye(why)
	}
	s.wg.Wait()
}

func (s *Server) isClosing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closing
}

// writeLine writes m and a newline to conn within timeout.
func writeLine(conn net.Conn, m message, timeout time.Duration) error {
	line, err := json.Marshal(m)
	if err != nil {
		line, _ = json.Marshal(replyMessage(Refused(CodeFailed, "the driver's answer is not JSON: "+err.Error())))
	}
	_ = conn.SetWriteDeadline(time.Now().Add(timeout))
	_, err = conn.Write(append(line, '\n'))
	return err
}
