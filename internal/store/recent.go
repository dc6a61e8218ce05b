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
// whole history. It reads history.jsonl backwards from its end and stops at
// the first readable course that ended before since. That is right because
// ended_at never decreases down the file: only one course is saved at a
// time, and it is archived before the next one starts.
//
// Lines that cannot be read are skipped and described in warnings, as
// History does, but numbered from the end of the file (line 1 is the last)
// and listed in the file's order. A missing file is an empty history.
func (s *Store) Recent(since time.Time) (records []Record, warnings []string, err error) {
	f, err := s.openHistory()
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read history: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read history: %w", err)
	}
	lines := newBackwardLines(f, info.Size(), info.Size())
	skip := func(n int, why error) {
		warnings = append(warnings, fmt.Sprintf("%s line %d from the end skipped: %v", s.HistoryPath(), n, why))
	}
read:
	for n := 1; ; n++ {
		raw, err := lines.prev()
		switch {
		case err == io.EOF:
			break read
		case errors.Is(err, errLineTooLong):
			skip(n, err)
			continue
		case err != nil:
			return nil, warnings, fmt.Errorf("cannot read history: %w", err)
		}
		if raw = bytes.TrimSpace(raw); len(raw) == 0 {
			continue
		}
		r, err := decodeHistoryLine(raw)
		switch {
		case err != nil:
			skip(n, err)
		case r.EndedAt.Before(since):
			break read
		default:
			records = append(records, r)
		}
	}
	slices.Reverse(records)
	slices.Reverse(warnings)
	return records, warnings, nil
}
