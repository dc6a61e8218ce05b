package config

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// The file is read with go-toml's parser rather than decoded into a struct:
// a decoder stops at the first problem and forgets where each key was, and
// the contract is every problem with its line.

// entry is one key and its value, wherever the file wrote it (under a
// [table], as a dotted key or in an inline table).
type entry struct {
	// path is the key's full name: ["quiet"], ["ntfy", "url"], or
	// ["preset", "id"] under a [[preset]] header.
	path []string
	// preset is which [[preset]] the key is under, from 0; -1 elsewhere.
	preset int
	value  value
	line   int
}

// value is a TOML value as far as the config file needs it.
type value struct {
	kind unstable.Kind
	// text is a string's contents, or a scalar's text as written.
	text string
}

// describe names a value's type for an error: "a number", "a list".
func (v value) describe() string {
	switch v.kind {
	case unstable.String:
		return strconv.Quote(v.text)
	case unstable.Bool, unstable.Integer, unstable.Float:
		return v.text
	case unstable.Array:
		return "a list"
	case unstable.InlineTable:
		return "a table"
	}
	return "a date or time"
}

// parsed is a config file's entries and the line of each [[preset]] header.
type parsed struct {
	entries []entry
	presets []int
	// tables is the line of each [ntfy] and [hooks] header.
	tables map[string]int
}

// parse reads data's keys. It reports as problems what TOML itself forbids
// (a syntax error, which ends the reading; a key or table written twice)
// and tables the file may not have.
func parse(data []byte, ps *problems) parsed {
	out := parsed{tables: map[string]int{}}
	var p unstable.Parser
	p.Reset(data)
	lineOf := lineIndex(data).line
	seen := map[string]int{} // a key's full name (with its preset) -> its line
	table, preset := []string(nil), -1
	skip := false // the keys under a table already reported as unknown
	for p.NextExpression() {
		n := p.Expression()
		switch n.Kind {
		case unstable.Table, unstable.ArrayTable:
			name := keyPath(n.Key())
			line := lineOf(n.Child().Raw)
			table, preset, skip = name, -1, false
			joined := strings.Join(name, ".")
			switch {
			case n.Kind == unstable.ArrayTable && joined == "preset":
				preset = len(out.presets)
				out.presets = append(out.presets, line)
				continue
			case n.Kind == unstable.Table && joined == "preset":
				ps.addf(line, "[preset] is written [[preset]] (double brackets): each one adds a preset")
			case n.Kind == unstable.Table && (joined == "ntfy" || joined == "hooks"):
				if first, ok := out.tables[joined]; ok {
					ps.addf(line, "[%s] is written twice (first at line %d): write its keys under one [%s]", joined, first, joined)
				}
				out.tables[joined] = line
				continue
			default:
				ps.addf(line, "unknown table %s: the tables are [ntfy], [hooks] and [[preset]]", safeKey(joined))
			}
			skip = true
		case unstable.KeyValue:
			if skip {
				continue
			}
			collect(&out, n, append(append([]string(nil), table...), keyPath(n.Key())...), preset, lineOf, seen, ps)
		}
	}
	if err := p.Error(); err != nil {
		line := 0
		var perr *unstable.ParserError
		if errors.As(err, &perr) && perr.Highlight != nil {
			line = lineOf(p.Range(perr.Highlight))
		}
		ps.addf(line, "not valid TOML (%s): write key = value, strings in double quotes; 'icetimer config init' writes an example", err)
	}
	return out
}

// collect adds a key = value, and an inline table's keys one by one.
func collect(out *parsed, n *unstable.Node, path []string, preset int, lineOf func(unstable.Range) int, seen map[string]int, ps *problems) {
	line := lineOf(n.Raw)
	v := n.Value()
	if v.Kind == unstable.InlineTable {
		it := v.Children()
		for it.Next() {
			kv := it.Node()
			collect(out, kv, append(append([]string(nil), path...), keyPath(kv.Key())...), preset, lineOf, seen, ps)
		}
		return
	}
	id := strconv.Itoa(preset) + " " + strings.Join(path, ".")
	if first, ok := seen[id]; ok {
		ps.addf(line, "%s is set twice (first at line %d): keep one", safeKey(strings.Join(path, ".")), first)
		return
	}
	seen[id] = line
	out.entries = append(out.entries, entry{path: path, preset: preset, value: value{kind: v.Kind, text: string(v.Data)}, line: line})
}

// lines is where each line of a file after the first begins, to find the
// line of a key by a binary search: the parser's Shape counts the lines
// from the top each time, which made reading quadratic in the file's
// length (10,000 presets took many seconds).
type lines []int

func lineIndex(data []byte) lines {
	var starts lines
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// line is the 1-based line of the range r of the file.
func (ls lines) line(r unstable.Range) int {
	return 1 + sort.SearchInts(ls, int(r.Offset)+1)
}

// keyPath is a (dotted) key's parts.
func keyPath(it unstable.Iterator) []string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return parts
}

// safeKey is a key's name fit for an error on a terminal: as written when it
// is a bare key, else quoted with its control characters escaped.
func safeKey(name string) string {
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.", r)) {
			return strconv.Quote(name)
		}
	}
	return name
}
