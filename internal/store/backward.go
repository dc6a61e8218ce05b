package store

import (
	"bytes"
	"errors"
	"io"
)

// Bounds of reading a file backwards.
const (
	// backwardBlock is how much is read at a time: a few dozen lines of
	// history.
	backwardBlock = 64 << 10
	// maxLine is the longest line read whole. icetimer writes lines of a
	// few KiB (a course of 300 events is 20 KiB); a longer line is damage,
	// and is skipped rather than held in memory.
	maxLine = 16 << 20
)

// errReadLimit is returned by backwardLines.prev when the line before would
// take it further back than it may read.
var errReadLimit = errors.New("read as far back as allowed")

// errLineTooLong is returned by backwardLines.prev for a line longer than
// maxLine, which it skips.
var errLineTooLong = errors.New("the line is longer than 16 MiB")

// backwardLines reads a file's lines from its end, a block at a time, so
// that reading the last few lines costs the same however long the file is.
// It holds at most maxLine plus a block in memory.
type backwardLines struct {
	r io.ReaderAt
	// stop is the offset it may not read before.
	stop int64
	// pos is the offset in the file of buf's first byte.
	pos int64
	// buf is the part of the file before the lines already returned, from
	// pos on; it ends where the next line to return ends.
	buf []byte
	// searched is how many of buf's last bytes are known to hold no
	// newline, so that a long line is searched once, not once per block.
	searched int
	// skipping is set while reading through a line longer than maxLine:
	// buf then holds only the last block read.
	skipping bool
	// atEnd is set until the first line is returned: an empty one there
	// is what follows a final newline, not a line.
	atEnd bool
	// done is set once the file's first line was returned.
	done bool
}

// newBackwardLines reads backwards from the end of r, of size bytes, and
// no further back than limit bytes from the end. A final newline ends the
// last line: it does not start an empty one.
func newBackwardLines(r io.ReaderAt, size, limit int64) *backwardLines {
	return &backwardLines{r: r, stop: max(0, size-limit), pos: size, atEnd: true}
}

// prev is the line before the ones already returned, without its newline;
// io.EOF once the first line was returned, errReadLimit when the line
// starts before the limit. A line longer than maxLine is returned as
// errLineTooLong and skipped: the next call returns the line before it. The
// line is valid until the next call.
func (b *backwardLines) prev() ([]byte, error) {
	for {
		i := bytes.LastIndexByte(b.buf[:len(b.buf)-b.searched], '\n')
		b.searched = len(b.buf)
		if i >= 0 || (b.pos == 0 && !b.done) {
			b.searched = 0
			var line []byte
			if i >= 0 {
				line, b.buf = b.buf[i+1:], b.buf[:i]
			} else {
				line, b.buf, b.done = b.buf, nil, true
			}
			if b.atEnd && len(line) == 0 && !b.skipping {
				b.atEnd = false
				continue
			}
			b.atEnd = false
			if b.skipping || len(line) > maxLine {
				b.skipping = false
				return nil, errLineTooLong
			}
			return line, nil
		}
		switch {
		case b.pos == 0:
			return nil, io.EOF
		case b.pos <= b.stop:
			return nil, errReadLimit
		}
		if err := b.readBlock(); err != nil {
			return nil, err
		}
	}
}

// readBlock puts the bytes before buf in front of it: a block, or as many
// as buf holds so that a long line costs linear time, up to maxLine plus a
// block, and never past the limit. Past maxLine the line is skipped: only
// the new block is kept.
func (b *backwardLines) readBlock() error {
	// buf holds no newline here: a line being skipped needs none of it.
	if b.skipping || len(b.buf) > maxLine {
		b.skipping, b.buf, b.searched = true, b.buf[:0], 0
	}
	n := int64(backwardBlock)
	if !b.skipping {
		n = max(n, min(int64(len(b.buf)), maxLine+backwardBlock-int64(len(b.buf))))
	}
	n = min(n, b.pos-b.stop)
	grown := make([]byte, n+int64(len(b.buf)))
	if _, err := b.r.ReadAt(grown[:n], b.pos-n); err != nil {
		return err
	}
	copy(grown[n:], b.buf)
	b.pos, b.buf = b.pos-n, grown
	return nil
}
