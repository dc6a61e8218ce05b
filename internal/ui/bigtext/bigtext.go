// Package bigtext draws digits in block characters, large enough to read
// from across a room, with the other characters (units such as "min") set
// small on the baseline.
package bigtext

import (
	"strings"
	"unicode/utf8"
)

// Size is a font size.
type Size int

// The sizes, largest first.
const (
	// Large digits are 5 rows by 5 columns.
	Large Size = iota
	// Medium digits are 3 rows by 3 columns.
	Medium
	// Plain is the text as it is, on one row.
	Plain
)

// Sizes lists every size, largest first, for picking the largest that fits.
var Sizes = []Size{Large, Medium, Plain}

var large = [10][5]string{
	{"█████", "█   █", "█   █", "█   █", "█████"},
	{"  ██ ", "   █ ", "   █ ", "   █ ", "  ███"},
	{"█████", "    █", "█████", "█    ", "█████"},
	{"█████", "    █", " ████", "    █", "█████"},
	{"█   █", "█   █", "█████", "    █", "    █"},
	{"█████", "█    ", "█████", "    █", "█████"},
	{"█████", "█    ", "█████", "█   █", "█████"},
	{"█████", "    █", "   █ ", "  █  ", "  █  "},
	{"█████", "█   █", "█████", "█   █", "█████"},
	{"█████", "█   █", "█████", "    █", "█████"},
}

var medium = [10][3]string{
	{"█▀█", "█ █", "▀▀▀"},
	{"▀█ ", " █ ", "▀▀▀"},
	{"▀▀█", "█▀▀", "▀▀▀"},
	{"▀▀█", " ▀█", "▀▀▀"},
	{"█ █", "▀▀█", "  ▀"},
	{"█▀▀", "▀▀█", "▀▀▀"},
	{"█▀▀", "█▀█", "▀▀▀"},
	{"▀▀█", "  █", "  ▀"},
	{"█▀█", "█▀█", "▀▀▀"},
	{"█▀█", "▀▀█", "▀▀▀"},
}

// Height is how many rows text takes in size.
func Height(size Size) int {
	switch size {
	case Large:
		return len(large[0])
	case Medium:
		return len(medium[0])
	}
	return 1
}

// Width is how many columns Render(text, size) takes.
func Width(text string, size Size) int {
	if size == Plain {
		return utf8.RuneCountInString(text)
	}
	w := 0
	prevDigit := false
	for _, r := range text {
		digit := r >= '0' && r <= '9'
		if digit {
			if prevDigit {
				w++ // a gap between two digits
			}
			w += utf8.RuneCountInString(glyph(r, size)[0])
		} else {
			w++
		}
		prevDigit = digit
	}
	return w
}

// glyph is the rows of digit r in size.
func glyph(r rune, size Size) []string {
	if size == Large {
		return large[r-'0'][:]
	}
	return medium[r-'0'][:]
}

// Render draws text in size: digits as blocks, every other character one
// column wide on the bottom row. Rows are joined with newlines and all have
// the same width.
func Render(text string, size Size) string {
	if size == Plain {
		return text
	}
	h := Height(size)
	rows := make([]strings.Builder, h)
	prevDigit := false
	for _, r := range text {
		digit := r >= '0' && r <= '9'
		for i := range rows {
			switch {
			case digit:
				if prevDigit {
					rows[i].WriteByte(' ')
				}
				rows[i].WriteString(glyph(r, size)[i])
			case i == h-1:
				rows[i].WriteRune(r)
			default:
				rows[i].WriteByte(' ')
			}
		}
		prevDigit = digit
	}
	lines := make([]string, h)
	for i := range rows {
		lines[i] = rows[i].String()
	}
	return strings.Join(lines, "\n")
}
