package store

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// linesBackward is every line prev returns for content, reading at most
// limit bytes back, "!" standing for a line that was too long and "|" for
// the limit.
func linesBackward(t *testing.T, content string, limit int64) []string {
	t.Helper()
	b := newBackwardLines(strings.NewReader(content), int64(len(content)), limit)
	var got []string
	for {
		line, err := b.prev()
		switch {
		case err == io.EOF:
			return got
		case err == errReadLimit:
			return append(got, "|")
		case errors.Is(err, errLineTooLong):
			got = append(got, "!")
		case err != nil:
			t.Fatal(err)
		default:
			got = append(got, string(line))
		}
	}
}

func TestBackwardLines(t *testing.T) {
	long := strings.Repeat("x", backwardBlock*3+17)
	huge := strings.Repeat("y", maxLine+backwardBlock*2+5)
	tests := []struct {
		content string
		limit   int64
		want    []string
	}{
		{"", 1 << 40, nil},
		{"\n", 1 << 40, []string{""}},
		{"a", 1 << 40, []string{"a"}},
		{"a\n", 1 << 40, []string{"a"}},
		{"a\nb", 1 << 40, []string{"b", "a"}},
		{"a\nb\n", 1 << 40, []string{"b", "a"}},
		{"a\n\nb\n\n", 1 << 40, []string{"", "b", "", "a"}},
		{"a\n" + long + "\nb\n", 1 << 40, []string{"b", long, "a"}},
		{long, 1 << 40, []string{long}},
		{"a\n" + huge + "\nb\n", 1 << 40, []string{"b", "!", "a"}},
		{huge + "\nb", 1 << 40, []string{"b", "!"}},
		{"a\nb\nc\n", 4, []string{"c", "|"}},
		{"a\nb\nc\n", 5, []string{"c", "b", "|"}},
		{"a\nb\nc\n", 6, []string{"c", "b", "a"}},
		{"a\n" + huge, maxLine, []string{"|"}},
		{"a\n" + huge[:maxLine] + "\nb", 1 << 40, []string{"b", huge[:maxLine], "a"}},
		{"a\n" + huge[:maxLine+1] + "\nb", 1 << 40, []string{"b", "!", "a"}},
	}
	for _, tt := range tests {
		got := linesBackward(t, tt.content, tt.limit)
		if !slices.Equal(got, tt.want) {
			short := func(s []string) (out []string) {
				for _, l := range s {
					out = append(out, l[:min(len(l), 8)])
				}
				return out
			}
			t.Errorf("%q...: got %q, want %q", tt.content[:min(len(tt.content), 10)], short(got), short(tt.want))
		}
	}
}
