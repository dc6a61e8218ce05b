package control

import (
	"bytes"
	"encoding/json"
	"errors"
	"net"
	"sync"
	"time"
)

// watchers are the open watch streams. Publish never waits on one: each
// has a slot holding the latest course it has not been sent yet, which a
// newer course replaces, and a goroutine writing it within the write
// deadline; a watcher that does not read is dropped at that deadline.
type watchers struct {
	limits limits

	mu      sync.Mutex
	latest  []byte // the latest course line, for a new watcher's first
	set     map[*watcher]struct{}
	closed  bool
	byeLine []byte // the bye line, set before closed
}

// watcher is one watch stream.
type watcher struct {
	conn net.Conn
	next chan []byte   // the course line not written yet: at most one
	bye  chan struct{} // closed when the server shuts down
	gone chan struct{} // closed when the client closes, writes or breaks
}

func (ws *watchers) init(l limits) {
	ws.limits = l
	ws.set = map[*watcher]struct{}{}
}

// serve streams the course to conn until either side closes, then closes
// conn. A watcher beyond the cap, or one that comes while the server shuts
// down, is refused (an error, conn left open for the refusal).
func (ws *watchers) serve(conn net.Conn) error {
	w := &watcher{conn: conn, next: make(chan []byte, 1), bye: make(chan struct{}), gone: make(chan struct{})}
	ws.mu.Lock()
	switch {
	case ws.closed:
		ws.mu.Unlock()
		return &RefusalError{Code: CodeClosing, Message: closing}
	case len(ws.set) >= ws.limits.watches:
		ws.mu.Unlock()
		return &RefusalError{Code: CodeBusy, Message: busy}
	}
	if ws.latest != nil {
		w.next <- ws.latest
	}
	ws.set[w] = struct{}{}
	ws.mu.Unlock()

	_ = conn.SetReadDeadline(time.Time{}) // the client only closes from now on
	go func() {
		defer close(w.gone)
		var b [1]byte
		_, _ = conn.Read(b[:])
	}()
	w.write(ws)
	conn.Close()
	<-w.gone
	ws.mu.Lock()
	delete(ws.set, w)
	ws.mu.Unlock()
	return nil
}

// write writes every course it is given, then the bye when the server shuts
// down, until the client goes or a write fails.
func (w *watcher) write(ws *watchers) {
	for {
		select {
		case line := <-w.next:
			if w.send(line, ws.limits.write) != nil {
				return
			}
		case <-w.gone:
			return
		case <-w.bye:
			select { // the last course before the bye
			case line := <-w.next:
				if w.send(line, ws.limits.write) != nil {
					return
				}
			default:
			}
			_ = w.send(ws.byeLine, ws.limits.write)
			return
		}
	}
}

func (w *watcher) send(line []byte, timeout time.Duration) error {
	_ = w.conn.SetWriteDeadline(time.Now().Add(timeout))
	_, err := w.conn.Write(line)
	return err
}

// publish makes line the latest course and offers it to every watcher,
// replacing one it has not been sent yet.
func (ws *watchers) publish(line []byte) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if ws.closed {
		return
	}
	ws.latest = line
	for w := range ws.set {
		select { // only w's writer takes from next, and publishers hold mu
		case <-w.next:
		default:
		}
		w.next <- line
	}
}

// bye has every watcher sent why, after the course it has not been sent yet.
func (ws *watchers) bye(why string) {
	line, _ := json.Marshal(message{V: Version, Event: eventBye, Why: why})
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if ws.closed {
		return
	}
	ws.byeLine = append(line, '\n')
	ws.closed = true
	for w := range ws.set {
		close(w.bye)
	}
}

// Publish sends course to every watcher, and to each new one as its first
// line, without waiting for any. course is the driver's opaque JSON object;
// call Publish once before Serve, and after every change. After Close it
// does nothing.
func (s *Server) Publish(course json.RawMessage) error {
	if !bytes.HasPrefix(bytes.TrimSpace(course), []byte("{")) {
		return errors.New("control: the course to publish is not a JSON object")
	}
	line, err := json.Marshal(message{V: Version, Event: eventCourse, Course: course})
	if err != nil {
		return err
	}
	s.watch.publish(append(line, '\n'))
	return nil
}
