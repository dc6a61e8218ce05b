package plain

import (
	"bytes"
	"io"
	"os"
	"sync"
)

// lineWriter writes whole lines from several goroutines (the driver's, the
// keys', the reminders' answers), one Write at a time, and ends each as the
// terminal needs: in raw mode "\n" only moves down, so it writes "\r\n".
type lineWriter struct {
	mu   sync.Mutex
	w    io.Writer
	crlf bool
}

func (l *lineWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := b
	if l.crlf {
		out = bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
	}
	if _, err := l.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

// Fd is the terminal's descriptor, when writing to one, so that the
// driver rings its bell when a chime cannot play; ^0 otherwise.
func (l *lineWriter) Fd() uintptr {
	if f, ok := l.w.(*os.File); ok {
		return f.Fd()
	}
	return ^uintptr(0)
}
