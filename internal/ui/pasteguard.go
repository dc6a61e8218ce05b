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

// maxHeld bounds what the guard keeps to give again after it ends a paste:
// the few keys a person types in pasteGiveUp, never a flood.
const maxHeld = 1024

// pasteGuard is the screen's input: the terminal's, with a bracketed paste
// that never ends cut short. Bubble Tea v2.0.10's decoder (ultraviolet's
// eventScanner) keeps everything after ESC[200~ as pasted text until
// ESC[201~, however long that takes, so a stray ESC[200~ (cat of a file, a
// hostile string echoed by another program) swallowed every key after it,
// q included. When input comes in more than pasteGiveUp after a paste
// began and the paste is still open, the guard ends the paste first: what
// came with ESC[200~ is dropped as a paste (the screen ignores pastes);
// what came in later reads, keys typed while the paste was open, is given
// again after the end, as keys, and then the new input.
//
// It embeds the terminal's *os.File, so that Bubble Tea still sets the
// terminal raw through Fd and still cancels reads on exit (cancelreader
// waits on the descriptor and then calls Read once: so everything given
// again goes out with the read that ends the paste, never later).
type pasteGuard struct {
	*os.File
	now func() time.Time
	// open is set while a paste is open; began is when it was first read.
	open  bool
	began time.Time
	// held is what later reads brought while the paste was open: keys,
	// unless the paste then ends (they were its own).
	held []byte
	// tail is the end of the previous read, for markers split across reads.
	tail []byte
}

func newPasteGuard(f *os.File, now func() time.Time) *pasteGuard {
	return &pasteGuard{File: f, now: now}
}

// Read reads the terminal, putting ESC[201~ and the keys held before the
// new input when it closes a paste left open too long.
func (g *pasteGuard) Read(p []byte) (int, error) {
	room := len(p) - len(pasteEnd) - len(g.held)
	if room <= 0 {
		return g.File.Read(p)
	}
	n, err := g.File.Read(p[:room])
	if n == 0 {
		return n, err
	}
	now := g.now()
	if g.open && now.Sub(g.began) > pasteGiveUp {
		given := append(append([]byte(nil), pasteEnd...), g.held...)
		copy(p[len(given):], p[:n])
		copy(p, given)
		n += len(given)
		g.open, g.held = false, g.held[:0]
	}
	g.track(p[:n], now)
	return n, err
}

// track follows whether a paste is open after data, the bytes just read,
// and holds data when it is a later read of an open paste.
func (g *pasteGuard) track(data []byte, now time.Time) {
	seen := append(g.tail, data...)
	start, end := bytes.LastIndex(seen, pasteStart), bytes.LastIndex(seen, pasteEnd)
	switch {
	case start > end && (!g.open || end >= 0): // a paste begins here
		g.open, g.began, g.held = true, now, g.held[:0]
	case end > start:
		g.open, g.held = false, g.held[:0]
	case g.open && start < 0 && len(g.held)+len(data) <= maxHeld:
		g.held = append(g.held, data...)
	}
	g.tail = append(g.tail[:0], seen[max(0, len(seen)-len(pasteStart)+1):]...)
}
