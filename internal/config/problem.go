package config

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong in the config file: where, what, and what is
// accepted instead.
type Problem struct {
	Path string
	// Line is 1-based; 0 when the problem is with the file as a whole.
	Line int
	Msg  string
}

// Error reads "FILE:LINE: what is wrong, what is accepted".
func (p Problem) Error() string {
	if p.Line == 0 {
		return p.Path + ": " + p.Msg
	}
	return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg)
}

// Problems is every problem found in a config file, in line order: one
// reading tells the person everything to fix.
type Problems []Problem

// Error is one problem a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// problems collects Problems while a file is read.
type problems struct {
	path string
	list Problems
}

func (ps *problems) addf(line int, format string, args ...any) {
	ps.list = append(ps.list, Problem{Path: ps.path, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// err is the problems in line order, or nil when there are none.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	slices.SortStableFunc(ps.list, func(a, b Problem) int { return cmp.Compare(a.Line, b.Line) })
	return ps.list
}
