package hooks

import "os"

// DefaultLogLimit is how large the hook log grows before it is rotated.
const DefaultLogLimit = 1 << 20

// cappedLog is the hook log as one hook writes to it, never larger than
// limit: when it is full, it becomes NAME.1 (replacing the one before) and
// a new log is opened, so the newest output is kept, at most twice the
// limit in all, however much a hook prints. It never fails a write, which
// would leave the hook blocked on a full pipe: once a write or a rotation
// fails, the rest is dropped and err says why.
type cappedLog struct {
	open  func() (*os.File, error)
	limit int64
	f     *os.File
	size  int64
	err   error
}

// openCappedLog opens the log with open (the store's safe open), rotated
// first when it is already full.
func openCappedLog(open func() (*os.File, error), limit int64) (*cappedLog, error) {
	f, err := open()
	if err != nil {
		return nil, err
	}
	l := &cappedLog{open: open, limit: limit, f: f}
	if info, err := f.Stat(); err == nil {
		l.size = info.Size()
	}
	if l.size >= limit {
		l.rotate()
	}
	return l, nil
}

// Write writes p, rotating the log as often as it fills.
func (l *cappedLog) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && l.err == nil {
		if l.size >= l.limit {
			l.rotate()
			continue
		}
		k := min(int64(len(p)), l.limit-l.size)
		w, err := l.f.Write(p[:k])
		l.size += int64(w)
		l.err = err
		p = p[k:]
	}
	return n, nil
}

// rotate renames the full log to NAME.1 and opens a new one.
func (l *cappedLog) rotate() {
	name := l.f.Name()
	l.f.Close()
	l.f = nil
	if l.err = os.Rename(name, name+".1"); l.err != nil {
		return
	}
	l.f, l.err = l.open()
	l.size = 0
}

// Close closes the log and says what was lost, if anything was.
func (l *cappedLog) Close() error {
	if l.f != nil {
		if err := l.f.Close(); l.err == nil {
			l.err = err
		}
	}
	return l.err
}
