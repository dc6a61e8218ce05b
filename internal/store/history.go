package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// Reason says how a course in history ended.
type Reason string

// The reasons a course ends.
const (
	Stopped  Reason = "stopped"  // the person stopped it
	Finished Reason = "finished" // its last stage's window ran out
	Replaced Reason = "replaced" // a new course was started while it ran
)

// Record is a course in history.
type Record struct {
	Course schedule.Course
	// EndedAt is when the course ended: the instant of its stop or of its
	// last phase's end, or when it was replaced. Zero for the course that is
	// still saved (see package report).
	EndedAt time.Time
	Reason  Reason
}

// Archive moves c to history and removes the saved course: c is saved as
// is, then appended to history.jsonl, then the reminded marker and
// state.json are removed. It is safe to repeat after a crash at any step: a
// course that is already the last in history is not appended twice, and Load
// reports ErrNoCourse for it.
//
// at is when the course is archived; a course not over by then is recorded
// as replaced at that instant. To stop a course, append a Stop event first.
func (s *Store) Archive(c schedule.Course, at time.Time) error {
	if err := s.refuseWrite("move the course to history"); err != nil {
		return err
	}
	if err := s.Save(c); err != nil {
		return err
	}
	line, err := encodeHistoryLine(c, at)
	if err != nil {
		return fmt.Errorf("cannot add the course to history: %w", err)
	}
	if err := s.appendHistory(line); err != nil {
		return fmt.Errorf("cannot add the course to history: %w", err)
	}
	// Before state.json goes: a crash in between leaves a course that Load
	// already reports as archived.
	if err := s.ClearReminded(); err != nil {
		return err
	}
	if err := os.Remove(s.StatePath()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("the course is in history but %s could not be removed: %w", s.StatePath(), err)
	}
	return syncDir(s.dir)
}

// endOf is when and how c ended, as seen at instant at.
func endOf(c schedule.Course, at time.Time) (time.Time, Reason) {
	st := c.StateAt(at)
	switch {
	case !st.Done:
		return st.Now, Replaced
	case st.Current.Cause == schedule.CauseStop:
		return st.Current.Start, Stopped
	}
	return st.Current.Start, Finished
}

func encodeHistoryLine(c schedule.Course, at time.Time) (historyLine, error) {
	cj, err := courseToJSON(c)
	if err != nil {
		return historyLine{}, err
	}
	endedAt, reason := endOf(c, at)
	return historyLine{Version: formatVersion, EndedAt: endedAt, Reason: reason, Course: cj}, nil
}

// appendHistory adds line to history.jsonl unless the same course is already
// its last line. A torn last line (a crash mid-append) is ended with a
// newline first, so it cannot swallow the new one.
func (s *Store) appendHistory(line historyLine) error {
	if last, ok := s.lastHistoryCourse(); ok && sameCourse(last, line.Course) {
		return nil
	}
	data, err := json.Marshal(line)
	if err != nil {
		return err
	}
	path, err := s.file(historyName)
	if err != nil {
		return err
	}
	f, err := openFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND)
	if err != nil {
		return err
	}
	defer f.Close()
	if torn, err := lacksFinalNewline(f); err != nil {
		return err
	} else if torn {
		data = append([]byte{'\n'}, data...)
	}
	if _, err := f.Write(append(data, '\n')); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

func lacksFinalNewline(f *os.File) (bool, error) {
	info, err := f.Stat()
	if err != nil || info.Size() == 0 {
		return false, err
	}
	b := make([]byte, 1)
	if _, err := f.ReadAt(b, info.Size()-1); err != nil {
		return false, err
	}
	return b[0] != '\n', nil
}

// lastHistoryCourse is the course on history's last readable line, read
// from the end of the file so that it costs the same however long history
// is. Unreadable lines (a torn last line after a crash, damage) are passed
// over, but only so far: past maxLine bytes from the end it gives up, and
// reports no course.
func (s *Store) lastHistoryCourse() (courseJSON, bool) {
	f, err := s.openHistory()
	if err != nil {
		return courseJSON{}, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return courseJSON{}, false
	}
	lines := newBackwardLines(f, info.Size(), maxLine)
	for {
		raw, err := lines.prev()
		if err != nil {
			return courseJSON{}, false
		}
		var l historyLine
		if json.Unmarshal(raw, &l) == nil && !l.Course.Start.IsZero() {
			return l.Course, true
		}
	}
}

// SameCourse reports whether a and b are the same course as the store writes
// it down: same settings, start and events. Two courses of one preset started
// within the same second are the same course.
func SameCourse(a, b schedule.Course) bool {
	ja, errA := courseToJSON(a)
	jb, errB := courseToJSON(b)
	return errA == nil && errB == nil && sameCourse(ja, jb)
}

// sameCourse reports whether a and b are the same course with the same events.
func sameCourse(a, b courseJSON) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// History reads every course in history.jsonl, oldest first. Lines that
// cannot be read (a torn last line after a crash, a line from a newer
// icetimer) are skipped and described in warnings; they never make History
// fail. A missing file is an empty history.
func (s *Store) History() (records []Record, warnings []string, err error) {
	err = s.scanHistory(func(n int, raw []byte, tooLong bool) {
		r, err := decodeHistoryLine(raw)
		if tooLong {
			err = errLineTooLong
		}
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("%s line %d skipped: %v", s.HistoryPath(), n, err))
			return
		}
		records = append(records, r)
	})
	if err != nil {
		return nil, warnings, fmt.Errorf("cannot read history: %w", err)
	}
	return records, warnings, nil
}

func decodeHistoryLine(raw []byte) (Record, error) {
	var l struct {
		Version *int `json:"version"`
		historyLine
	}
	if err := json.Unmarshal(raw, &l); err != nil {
		return Record{}, fmt.Errorf("not valid JSON (%v)", err)
	}
	switch {
	case l.Version == nil || *l.Version < 1:
		return Record{}, errors.New("no valid version field")
	case *l.Version > formatVersion:
		return Record{}, fmt.Errorf("written by a newer icetimer (format version %d)", *l.Version)
	}
	c, err := courseFromJSON(l.Course)
	if err != nil {
		return Record{}, err
	}
	return Record{Course: c, EndedAt: l.EndedAt, Reason: l.Reason}, nil
}

// openHistory opens history.jsonl for reading, if it is a regular file.
func (s *Store) openHistory() (*os.File, error) {
	path, err := s.file(historyName)
	if err != nil {
		return nil, err
	}
	return openFile(path, os.O_RDONLY)
}

// scanHistory calls fn with each non-empty line of history.jsonl and its
// 1-based number; tooLong, with no line, for one longer than maxLine, which
// is read through but not kept.
func (s *Store) scanHistory(fn func(n int, line []byte, tooLong bool)) error {
	f, err := s.openHistory()
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(r)
		if trimmed := bytes.TrimSpace(line); len(trimmed) > 0 || tooLong {
			fn(n, trimmed, tooLong)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readLine reads the next line from r, with its newline, holding no more
// than maxLine bytes of it: a longer line is read to its end and reported as
// tooLong, without its bytes.
func readLine(r *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if len(line)+len(bytes.TrimSuffix(chunk, []byte("\n"))) > maxLine {
			line, tooLong = nil, true
		} else if !tooLong {
			line = append(line, chunk...)
		}
		if err != bufio.ErrBufferFull {
			return line, tooLong, err
		}
	}
}
