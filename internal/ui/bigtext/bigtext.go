// Package bigtext draws digits and capital letters in block characters at
// any integer scale, large enough to read from across a room, with the
// other characters (units such as "min") set small on the baseline.
//
// A scale-s pixel is s columns wide and s half-rows tall: a terminal cell
// is about twice as tall as it is wide, so half blocks (▀ ▄) keep the
// pixels square and give a step of half a row between scales. The ASCII
// font has no half blocks; its pixels are s columns wide and (s+1)/2 rows
// tall.
package bigtext

import (
	"strings"
	"unicode/utf8"
)

// Font is how pixels become characters.
type Font int

const (
	// Blocks draws with █, ▀ and ▄.
	Blocks Font = iota
	// ASCII draws with '#', for terminals without Unicode.
	ASCII
)

// Height is how many rows text takes at scale (0 is plain text, one row).
func (f Font) Height(scale int) int {
	switch {
	case scale <= 0:
		return 1
	case f == ASCII:
		return pixelRows * ((scale + 1) / 2)
	}
	return (pixelRows*scale + 1) / 2
}

// Width is how many columns Render(text, scale) takes.
func (f Font) Width(text string, scale int) int {
	if scale <= 0 {
		return utf8.RuneCountInString(text)
	}
	w := 0
	for _, c := range cells(text) {
		if c.big {
			w += c.width * scale
		} else {
			w += c.width
		}
	}
	return w
}

// cell is one character of the text as it is laid out: a glyph, a gap
// (between two glyphs, or the space between two words), or a small
// character; width is in pixels for big cells, in columns for small ones.
type cell struct {
	r     rune
	big   bool
	glyph bool
	width int
}

// cells lays text out: a pixel's gap between two glyphs, three for a space
// between two of them, and every other character small.
func cells(text string) []cell {
	rs := []rune(text)
	var out []cell
	for i, r := range rs {
		switch {
		case big(r):
			if i > 0 && big(rs[i-1]) {
				out = append(out, cell{r: ' ', big: true, width: 1})
			}
			out = append(out, cell{r: r, big: true, glyph: true, width: utf8.RuneCountInString(glyphs[r][0])})
		case r == ' ' && i > 0 && i < len(rs)-1 && big(rs[i-1]) && big(rs[i+1]):
			out = append(out, cell{r: r, big: true, width: 3})
		default:
			out = append(out, cell{r: r, width: 1})
		}
	}
	return out
}

// Render draws text at scale: digits and capitals as blocks, every other
// character one column wide on the bottom row. Rows are joined with
// newlines and all have the same width. Scale 0 is the text as it is.
func (f Font) Render(text string, scale int) string {
	if scale <= 0 {
		return text
	}
	pix := f.pixels(text, scale)
	h := f.Height(scale)
	lines := make([]string, h)
	var b strings.Builder
	for row := range h {
		b.Reset()
		for col := range pix.width {
			b.WriteString(f.char(pix, row, col, scale))
		}
		lines[row] = b.String()
	}
	return strings.Join(lines, "\n")
}

// grid is the text as columns of pixels, plus the small characters by
// column.
type grid struct {
	width int
	// on[y][x] says pixel row y is lit in column x (columns already scaled).
	on    [pixelRows][]bool
	small map[int]rune
}

func (f Font) pixels(text string, scale int) grid {
	g := grid{width: f.Width(text, scale), small: map[int]rune{}}
	for y := range g.on {
		g.on[y] = make([]bool, g.width)
	}
	x := 0
	for _, c := range cells(text) {
		if !c.big {
			g.small[x] = c.r
			x++
			continue
		}
		if c.glyph {
			rows := glyphs[c.r]
			for y, row := range rows {
				for i, p := range row {
					for k := range scale {
						g.on[y][x+i*scale+k] = p == '#'
					}
				}
			}
		}
		x += c.width * scale
	}
	return g
}

// char is the character at (row, col).
func (f Font) char(g grid, row, col, scale int) string {
	if r, ok := g.small[col]; ok {
		if row == f.Height(scale)-1 {
			return string(r)
		}
		return " "
	}
	if f == ASCII {
		if g.on[row/((scale+1)/2)][col] {
			return "#"
		}
		return " "
	}
	top := litAt(g, col, 2*row, scale)
	bottom := litAt(g, col, 2*row+1, scale)
	switch {
	case top && bottom:
		return "█"
	case top:
		return "▀"
	case bottom:
		return "▄"
	}
	return " "
}

// litAt says whether half-row h of column col is lit: pixel row h/scale.
func litAt(g grid, col, h, scale int) bool {
	y := h / scale
	return y < pixelRows && g.on[y][col]
}
