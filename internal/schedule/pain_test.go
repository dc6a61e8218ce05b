package schedule

import (
	"strings"
	"testing"
)

func TestCheckPainBounds(t *testing.T) {
	ok := []struct {
		score int
		note  string
	}{{0, ""}, {10, ""}, {5, strings.Repeat("é", MaxNoteRunes)}, {3, "after the walk, 5 min"}}
	for _, p := range ok {
		if err := CheckPain(p.score, p.note); err != nil {
			t.Errorf("CheckPain(%d, %q) = %v", p.score, p.note, err)
		}
	}
	bad := []struct {
		score int
		note  string
		says  string
	}{
		{-1, "", "from 0 (none) to 10"},
		{11, "", "off the scale"},
		{5, strings.Repeat("a", MaxNoteRunes+1), "at most 200"},
		{5, "two\nlines", "control character"},
		{5, "bell\a", "control character"},
		{5, "\x1b[2J", "control character"},
		{5, "line\u2028sep", "control character"},
		{5, "\xff", "UTF-8"},
	}
	for _, p := range bad {
		if err := CheckPain(p.score, p.note); err == nil || !strings.Contains(err.Error(), p.says) {
			t.Errorf("CheckPain(%d, %q) = %v, want it to say %q", p.score, p.note, err, p.says)
		}
	}
}
