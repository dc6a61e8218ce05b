package bigtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRenderShapes(t *testing.T) {
	for _, size := range Sizes {
		for _, text := range []string{"0123456789", "2h 40 min", "59 s", "7"} {
			out := Render(text, size)
			rows := strings.Split(out, "\n")
			if len(rows) != Height(size) {
				t.Errorf("%q at size %d: %d rows, want %d", text, size, len(rows), Height(size))
			}
			for _, row := range rows {
				if n := utf8.RuneCountInString(row); n != Width(text, size) {
					t.Errorf("%q at size %d: row %q is %d wide, Width says %d", text, size, row, n, Width(text, size))
				}
			}
		}
	}
}

func TestRenderLarge(t *testing.T) {
	got := Render("24 min", Large)
	want := strings.Join([]string{
		"█████ █   █    ",
		"    █ █   █    ",
		"█████ █████    ",
		"█         █    ",
		"█████     █ min",
	}, "\n")
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestEveryDigitDiffers(t *testing.T) {
	for _, size := range []Size{Large, Medium} {
		seen := map[string]rune{}
		for r := '0'; r <= '9'; r++ {
			g := Render(string(r), size)
			if other, dup := seen[g]; dup {
				t.Errorf("size %d: %c and %c look the same", size, r, other)
			}
			seen[g] = r
		}
	}
}
