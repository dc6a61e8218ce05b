package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"time"
)

// Recent is the courses in history that ended at or after since, oldest
// first: what a span of recent days needs (history --days N, the count of
// today's applications), at a cost that grows with the span, not with the
// whole history (see Walk). It stops at the first readable course that
// ended before since. That is right because ended_at never decreases down
// the file: only one course is saved at a time, and it is archived before
// the next one starts.
func (s *Store) Recent(since time.Time) (records []Record, warnings []string, err error) {
	warnings, err = s.Walk(func(r Record, _ int) bool {
		if r.EndedAt.Before(since) {
			return false
		}
		records = append(records, r)
		return true
	})
	slices.Reverse(records)
	return records, warnings, err
}

// Walk gives fn the courses of history one at a time, the newest first,
// each with the length of its line in bytes, until fn returns false or
// the oldest was given. It reads history.jsonl backwards from its end, a
// block at a time, and holds one course at a time: reading the last days
// costs the same however long history is, and a caller that keeps only
// figures holds only them.
//
// Lines that cannot be read are skipped and described in warnings, as
// History does, but numbered from the end of the file (line 1 is the last)
// and listed in the file's order. A missing file is an empty history.
func (s *Store) Walk(fn func(r Record, lineBytes int) (more bool)) (warnings []string, err error) {
	f, err := s.openHistory()
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read history: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read history: %w", err)
	}
	lines := newBackwardLines(f, info.Size(), info.Size())
	defer func() { slices.Reverse(warnings) }()
	skip := func(n int, why error) {
		warnings = append(warnings, fmt.Sprintf("%s line %d from the end skipped: %v", s.HistoryPath(), n, why))
	}
	for n := 1; ; n++ {
		raw, err := lines.prev()
		switch {
		case err == io.EOF:
			return warnings, nil
		case errors.Is(err, errLineTooLong):
			skip(n, err)
			continue
		case err != nil:
			return warnings, fmt.Errorf("cannot read history: %w", err)
		}
		size := len(raw)
		if raw = bytes.TrimSpace(raw); len(raw) == 0 {
			continue
		}
		r, err := decodeHistoryLine(raw)
		if err != nil {
			skip(n, err)
			continue
		}
		if !fn(r, size) {
			return warnings, nil
		}
	}
}
