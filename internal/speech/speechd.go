//go:build !darwin && !windows

package speech

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// connectTimeout bounds connecting to speech-dispatcher and introducing
// ourselves: a local daemon answers in milliseconds, and one that does not
// within this leaves time for the next engine.
const connectTimeout = 2 * time.Second

// speechd speaks through speech-dispatcher, keeping one connection between
// texts and making a new one when it fails (the daemon restarted). It
// never starts a daemon: one that is not running is unavailable.
type speechd struct {
	mu     sync.Mutex // guards conn and closed against close from another goroutine
	conn   *ssipConn
	closed bool
}

func newSpeechd() *speechd { return &speechd{} }

func (*speechd) name() string { return "speech-dispatcher" }

// speak connects (or finds its connection kept) while the chime plays, then
// has the text said when due.
func (e *speechd) speak(text string, ready func() error, deadline time.Time) error {
	conn, fresh, err := e.connection(deadline)
	if err != nil {
		return err
	}
	if err := ready(); err != nil {
		return err
	}
	queued, err := conn.say(text, deadline)
	if err == nil {
		return nil
	}
	e.drop(conn)
	if queued {
		return err
	}
	if fresh || time.Now().After(deadline) {
		// Nothing was said: the next engine may say it.
		return unavailable{err}
	}
	// The kept connection may have died since the last text (a restarted
	// daemon); one new connection within the same deadline.
	if conn, _, err = e.connection(deadline); err != nil {
		return err
	}
	if queued, err = conn.say(text, deadline); err != nil {
		e.drop(conn)
		if !queued {
			return unavailable{err}
		}
	}
	return err
}

// connection returns the kept connection, or makes one; fresh says it is
// new. A failure to make one is unavailable.
func (e *speechd) connection(deadline time.Time) (conn *ssipConn, fresh bool, err error) {
	e.mu.Lock()
	conn, closed := e.conn, e.closed
	e.mu.Unlock()
	if closed {
		return nil, false, ErrClosed
	}
	if conn != nil {
		return conn, false, nil
	}
	path := speechdSocket()
	conn, err = dialSSIP(path, earlier(deadline, time.Now().Add(connectTimeout)))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, unavailable{fmt.Errorf("not running (no socket at %s)", path)}
	case errors.Is(err, syscall.ECONNREFUSED):
		return nil, false, unavailable{fmt.Errorf("not running (nothing listens at %s)", path)}
	case err != nil:
		return nil, false, unavailable{err}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		conn.close()
		return nil, false, ErrClosed
	}
	e.conn = conn
	return conn, true, nil
}

// drop closes conn and forgets it if it is still the kept one.
func (e *speechd) drop(conn *ssipConn) {
	conn.close()
	e.mu.Lock()
	if e.conn == conn {
		e.conn = nil
	}
	e.mu.Unlock()
}

func (e *speechd) close() {
	e.mu.Lock()
	e.closed = true
	conn := e.conn
	e.conn = nil
	e.mu.Unlock()
	if conn != nil {
		conn.close()
	}
}

// speechdSocket is where speech-dispatcher listens, found as its own
// library finds it: SPEECHD_ADDRESS when that names a Unix socket
// ("unix_socket:/path"), else speech-dispatcher/speechd.sock in the user's
// runtime directory (XDG_RUNTIME_DIR, or the cache directory without one,
// as GLib falls back).
func speechdSocket() string {
	if method, path, _ := strings.Cut(os.Getenv("SPEECHD_ADDRESS"), ":"); method == "unix_socket" && path != "" {
		return path
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		dir, _ = os.UserCacheDir()
	}
	return filepath.Join(dir, "speech-dispatcher", "speechd.sock")
}

// earlier is the earlier of two instants.
func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
