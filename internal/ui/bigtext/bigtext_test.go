package bigtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRenderShapes(t *testing.T) {
	for _, f := range []Font{Blocks, ASCII} {
		for scale := range 9 {
			for _, text := range []string{"0123456789", "12:59", "2 h 40 min", "59 s", "7", "ICE ON", "PAUSED", "NIGHT"} {
				rows := strings.Split(f.Render(text, scale), "\n")
				if len(rows) != f.Height(scale) {
					t.Errorf("font %d %q at scale %d: %d rows, want %d", f, text, scale, len(rows), f.Height(scale))
				}
				for _, row := range rows {
					if n := utf8.RuneCountInString(row); n != f.Width(text, scale) {
						t.Errorf("font %d %q at scale %d: row %q is %d wide, Width says %d", f, text, scale, row, n, f.Width(text, scale))
					}
				}
			}
		}
	}
}

func TestHeightGrowsByHalfRows(t *testing.T) {
	for scale, want := range []int{1, 3, 5, 8, 10, 13, 15} {
		if got := Blocks.Height(scale); got != want {
			t.Errorf("Blocks.Height(%d) = %d, want %d", scale, got, want)
		}
	}
}

func TestRender(t *testing.T) {
	for _, c := range []struct {
		f     Font
		text  string
		scale int
		want  []string
	}{
		{Blocks, "24 min", 1, []string{
			"▀▀█ █ █    ",
			"█▀▀ ▀▀█    ",
			"▀▀▀   ▀ min",
		}},
		{Blocks, "7", 2, []string{
			"██████",
			"    ██",
			"    ██",
			"  ██  ",
			"  ██  ",
		}},
		{Blocks, "3:57", 2, []string{
			"██████      ██████  ██████",
			"    ██  ██  ██          ██",
			"  ████      ██████      ██",
			"    ██  ██      ██    ██  ",
			"██████      ██████    ██  ",
		}},
		{Blocks, "ICE ON", 1, []string{
			"▀█▀ █▀▀ █▀▀   █▀█ █▄  █",
			" █  █   █▀▀   █ █ █ ▀▄█",
			"▀▀▀ ▀▀▀ ▀▀▀   ▀▀▀ ▀   ▀",
		}},
		{ASCII, "4 s", 1, []string{
			"# #  ",
			"# #  ",
			"###  ",
			"  #  ",
			"  # s",
		}},
	} {
		if got, want := c.f.Render(c.text, c.scale), strings.Join(c.want, "\n"); got != want {
			t.Errorf("%q at %d: got\n%s\nwant\n%s", c.text, c.scale, got, want)
		}
	}
}

func TestEveryDigitDiffers(t *testing.T) {
	for _, f := range []Font{Blocks, ASCII} {
		seen := map[string]rune{}
		for r := '0'; r <= '9'; r++ {
			g := f.Render(string(r), 1)
			if other, dup := seen[g]; dup {
				t.Errorf("font %d: %c and %c look the same", f, r, other)
			}
			seen[g] = r
		}
	}
}
