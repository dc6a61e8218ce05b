// Package safetext makes text from outside (arguments, files, other
// processes) safe to show in a terminal or a notification. It depends on
// nothing, so that every package may use it.
package safetext

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Safe is s fit to reach a terminal or a notification when it came from
// outside (an argument echoed in an error, a lock holder's command line, a
// path from the environment): every C0 and C1 control character, DEL and
// every byte that is not UTF-8 is written as a Go escape (\x1b, \n, \u009b,
// \xff), so that no escape sequence in it can move the cursor, retitle the
// window, swallow keys or hide text; so is every bidirectional control and
// zero-width character (\u202e), which would reorder or hide what follows
// it on the line. What is left is printable as it is.
func Safe(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case mustEscape(r):
			b.WriteString(escapeRune(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Clipped is Safe(s) cut to about max bytes, saying how much was left
// out: an argument of a megabyte is not worth echoing whole.
func Clipped(s string, max int) string {
	safe := Safe(s)
	if len(safe) <= max {
		return safe
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(safe[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes more)", safe[:cut], len(safe)-cut)
}

func needsEscape(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || mustEscape(r) {
			return true
		}
	}
	return false
}

// mustEscape is what is never shown as it is: C0, DEL and C1, which
// terminals act on rather than print, and the characters that change how
// the rest of a line reads without being seen themselves.
func mustEscape(r rune) bool { return isControl(r) || isBidi(r) || isZeroWidth(r) }

// isControl is C0, DEL and C1.
func isControl(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }

// isBidi is a bidirectional control: the embeddings and overrides
// (U+202A-202E), the isolates (U+2066-2069), and the marks LRM, RLM and
// ALM: "\u202etxt.exe" reads as "exe.txt", and a message's words can be
// made to read in another order.
func isBidi(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// isZeroWidth is a character that takes no room: zero-width space,
// non-joiner and joiner, the word joiner and the byte order mark, which
// make two different strings look the same.
func isZeroWidth(r rune) bool { return r >= 0x200b && r <= 0x200d || r == 0x2060 || r == 0xfeff }

func escapeRune(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// Lines is Clipped for a message of several lines (a config file's
// problems, one a line): each line made safe and cut to about max bytes,
// the line breaks kept.
func Lines(s string, max int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Clipped(l, max)
	}
	return strings.Join(lines, "\n")
}
