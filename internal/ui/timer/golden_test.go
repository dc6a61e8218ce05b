package timer

import (
	"bytes"
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
)

// TestGoldenViews pins the screen at 80x24 and 40x12 with a fixed clock, in
// the ASCII colour profile (what NO_COLOR gets). Regenerate with -update.
func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m, _, _, _ := newScreen(t)
			send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			var buf bytes.Buffer
			w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.ASCII}
			if _, err := w.WriteString(m.View().Content); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, buf.Bytes())
		})
	}
}
