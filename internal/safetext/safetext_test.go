package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafeEscapesControlsAndInvalidUTF8(t *testing.T) {
	for in, want := range map[string]string{
		"ice-20-20":                 "ice-20-20",
		"café … 20 °C":              "café … 20 °C",
		"\x1b[2J\x1b]0;pwned\x07":   `\x1b[2J\x1b]0;pwned\x07`,
		"a\nb\tc\rd":                `a\nb\tc\rd`,
		"\u009b31m \x7f":            `\u009b31m \x7f`,
		"\xff\xfe ok \xc2":          `\xff\xfe ok \xc2`,
		"\x1b[200~ paste no end":    `\x1b[200~ paste no end`,
		string(utf8.RuneError) + "": string(utf8.RuneError),
	} {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
}

// Bidirectional controls and zero-width characters would reorder or hide
// the words of a message (an argument echoed in an error): each is escaped,
// and text around them is kept.
func TestSafeEscapesBidiAndZeroWidth(t *testing.T) {
	for in, want := range map[string]string{
		"preset \u202eexe.txt":              `preset \u202eexe.txt`,
		"\u202a\u202b\u202c\u202d":          `\u202a\u202b\u202c\u202d`,
		"\u2066a\u2067b\u2068c\u2069":       `\u2066a\u2067b\u2068c\u2069`,
		"\u200e\u200f\u061c":                `\u200e\u200f\u061c`,
		"ice\u200b\u200c\u200d\u2060\ufeff": `ice\u200b\u200c\u200d\u2060\ufeff`,
		"עברית العربية \u200e":              `עברית العربية \u200e`,
	} {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Lines("bad preset \"\u202eabc\"", 100); got != `bad preset "\u202eabc"` {
		t.Errorf("Lines = %q", got)
	}
}

// FuzzSafe: whatever goes in, what comes out is valid UTF-8 with no control
// character, and text without any comes out as it went in.
func FuzzSafe(f *testing.F) {
	for _, s := range []string{"\x1b[31m", "\u009b", "\xff", "plain", "\x1b[200~q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Safe(s)
		if !utf8.ValidString(got) || strings.ContainsFunc(got, mustEscape) {
			t.Fatalf("Safe(%q) = %q", s, got)
		}
		if !needsEscape(s) && got != s {
			t.Fatalf("Safe changed clean text %q to %q", s, got)
		}
	})
}

func TestSafeClippedSaysWhatWasLeftOut(t *testing.T) {
	got := Clipped(strings.Repeat("é", 1000), 101)
	if !utf8.ValidString(got) || !strings.HasSuffix(got, "… (1900 bytes more)") || len(got) > 130 {
		t.Errorf("SafeClipped = %q", got)
	}
}

func TestLinesKeepsTheLineBreaksOnly(t *testing.T) {
	if got := Lines("a.toml:1: bad\x1b[31m\na.toml:2: worse", 100); got != "a.toml:1: bad\\x1b[31m\na.toml:2: worse" {
		t.Fatalf("Lines = %q", got)
	}
}
