package ui

import (
	"bytes"
	"os"
	"time"
)

// Bracketed paste markers: a terminal wraps pasted text in them.
var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// pasteGiveUp is how long after a paste began input that is still inside
// it counts as typed, not pasted: a terminal sends a whole paste at once.
const pasteGiveUp = 250 * time.Millisecond

// pasteGuard is the screen's input: the terminal's, with a bracketed paste
// that never ends cut short. Bubble Tea v2.0.10's decoder (ultraviolet's
// eventScanner) keeps everything after ESC[200~ as pasted text until
// ESC[201~, however long that takes, so a stray ESC[200~ (cat of a file, a
// hostile string echoed by another program) swallowed every key after it,
// q included. When input comes in more than pasteGiveUp after a paste
// began and the paste is still open, the guard ends the paste first: what
// was in it is dropped as a paste (the screen ignores pastes), and the new
// key is read as a key.
//
// It embeds the terminal's *os.File, so that Bubble Tea still sets the
// terminal raw through Fd and still cancels reads on exit (cancelreader
// waits on the descriptor and then calls Read once).
type pasteGuard struct {
	*os.File
	now func() time.Time
	// open is set while a paste is open; began is when it was first read.
	open  bool
	began time.Time
	// tail is the end of the previous read, for markers split across reads.
	tail []byte
}

func newPasteGuard(f *os.File, now func() time.Time) *pasteGuard {
	return &pasteGuard{File: f, now: now}
}

// Read reads the terminal, putting ESC[201~ before the new input when it
// closes a paste left open too long.
func (g *pasteGuard) Read(p []byte) (int, error) {
	if len(p) <= len(pasteEnd) {
		return g.File.Read(p)
	}
	n, err := g.File.Read(p[:len(p)-len(pasteEnd)])
	if n == 0 {
		return n, err
	}
	now := g.now()
	if g.open && now.Sub(g.began) > pasteGiveUp {
		copy(p[len(pasteEnd):], p[:n])
		copy(p, pasteEnd)
		n += len(pasteEnd)
		g.open = false
	}
	g.track(p[:n], now)
	return n, err
}

// track follows whether a paste is open after data, the bytes just read.
func (g *pasteGuard) track(data []byte, now time.Time) {
	seen := append(g.tail, data...)
	start, end := bytes.LastIndex(seen, pasteStart), bytes.LastIndex(seen, pasteEnd)
	switch {
	case start > end && !g.open:
		g.open, g.began = true, now
	case end > start:
		g.open = false
	}
	g.tail = append(g.tail[:0], seen[max(0, len(seen)-len(pasteStart)+1):]...)
}
