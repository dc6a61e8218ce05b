// Package testhistory writes large histories for the tests and benchmarks
// of reading history: a gigabyte of years of use, or thousands of courses
// in one day. The lines are icetimer's own (one course archived by the
// store, then copied with its instants moved), written in seconds.
package testhistory

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// Spec is the history to write.
type Spec struct {
	// Size is how large history.jsonl grows, about; Courses, when not 0,
	// is how many courses it holds instead.
	Size    int64
	Courses int
	// Every is the time from one course's start to the next one's. Each
	// course is ice-20-20 with a pause, two pain check-ins (6, then 5 with
	// a note) and a stop, all within Every.
	Every time.Duration
	// Now is when the last course of the history ends; a course started
	// then is saved as the one running.
	Now time.Time
}

// Written is what Write wrote.
type Written struct {
	Courses int
	Bytes   int64
	// First is when the oldest course started.
	First time.Time
}

// instant is an instant as the store writes one, in JSON.
var instant = regexp.MustCompile(`"\d{4}-\d\d-\d\dT[0-9:.]+(?:Z|[+-]\d\d:\d\d)"`)

// Write writes the history of spec to history.jsonl in the state directory
// dir, replacing any, and saves a course running at spec.Now.
func Write(dir string, spec Spec) (Written, error) {
	s, err := store.OpenDir(dir)
	if err != nil {
		return Written{}, err
	}
	pieces, offsets, err := template(s, spec.Every)
	if err != nil {
		return Written{}, err
	}
	f, err := os.OpenFile(s.HistoryPath(), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return Written{}, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	var buf []byte
	line := func(start time.Time) []byte {
		buf = buf[:0]
		for k, p := range pieces {
			buf = append(buf, p...)
			if k < len(offsets) {
				buf = append(start.Add(offsets[k]).UTC().AppendFormat(append(buf, '"'), time.RFC3339Nano), '"')
			}
		}
		return buf
	}
	now := spec.Now.Truncate(time.Second)
	n := spec.Courses
	if n <= 0 {
		n = int(spec.Size/int64(len(line(now)))) + 1
	}
	out := Written{Courses: n, First: now.Add(-time.Duration(n) * spec.Every)}
	for i := range n {
		l := line(out.First.Add(time.Duration(i) * spec.Every))
		w.Write(l)
		out.Bytes += int64(len(l))
	}
	if err := w.Flush(); err != nil {
		return out, err
	}
	if err := f.Close(); err != nil {
		return out, err
	}
	return out, s.Save(course(now, spec.Every, false))
}

// template is the history line of a course archived by the store, cut
// around its instants, and each instant's offset from the course's start.
func template(s *store.Store, every time.Duration) (pieces [][]byte, offsets []time.Duration, err error) {
	tmp, err := os.MkdirTemp("", "icetimer-template-")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(tmp)
	ts, err := store.OpenDir(filepath.Join(tmp, "icetimer"))
	if err != nil {
		return nil, nil, err
	}
	start := time.Date(2001, 1, 1, 8, 0, 0, 0, time.UTC)
	c := course(start, every, true)
	if err := ts.Archive(c, start.Add(every)); err != nil {
		return nil, nil, err
	}
	line, err := os.ReadFile(ts.HistoryPath())
	if err != nil {
		return nil, nil, err
	}
	last := 0
	for _, m := range instant.FindAllIndex(line, -1) {
		t, err := time.Parse(time.RFC3339Nano, string(line[m[0]+1:m[1]-1]))
		if err != nil {
			return nil, nil, fmt.Errorf("template %s: %w", line[m[0]:m[1]], err)
		}
		pieces = append(pieces, line[last:m[0]])
		offsets = append(offsets, t.Sub(start))
		last = m[1]
	}
	return append(pieces, line[last:]), offsets, nil
}

// course is the course every history line holds, started at start; ended
// adds what happens up to its stop.
func course(start time.Time, every time.Duration, ended bool) schedule.Course {
	p, _ := schedule.PresetByID("ice-20-20")
	c := schedule.Course{Preset: p.ID, Protocol: p.Protocol, Start: start}
	if !ended {
		return c
	}
	at := func(tenths int) time.Time { return start.Add(every * time.Duration(tenths) / 10).Truncate(time.Second) }
	c.Events = []schedule.Event{{Type: schedule.Pause, At: at(2)}, {Type: schedule.Resume, At: at(3)}, {Type: schedule.Stop, At: at(9)}}
	c.Pain = []schedule.PainScore{{At: at(1), Score: 6}, {At: at(9), Score: 5, Note: "after the ice"}}
	return c
}
