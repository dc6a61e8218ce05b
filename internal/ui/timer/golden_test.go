package timer

import (
	"bytes"
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
)

// goldenLooks are the ways the screen is pinned: the background (light or
// dark), the terminal's colours and the characters it can draw.
var goldenLooks = []struct {
	name    string
	dark    bool
	profile colorprofile.Profile
	ascii   bool
}{
	{"dark", true, colorprofile.ANSI256, false},
	{"light", false, colorprofile.ANSI256, false},
	{"16colour", true, colorprofile.ANSI, false},
	{"nocolor", true, colorprofile.Ascii, false},
	{"ascii", true, colorprofile.NoTTY, true},
}

// TestGoldenViews pins the screen at four sizes in every look, with a fixed
// clock. Regenerate with -update, and look at what changed.
func TestGoldenViews(t *testing.T) {
	for _, look := range goldenLooks {
		for _, size := range [][2]int{{40, 12}, {80, 24}, {120, 40}, {250, 70}} {
			t.Run(fmt.Sprintf("%s/%dx%d", look.name, size[0], size[1]), func(t *testing.T) {
				m, _, _, _ := newScreenWith(t, func(c *Config) { c.ASCII = look.ascii })
				send(m, tea.BackgroundColorMsg{Color: background(look.dark)})
				send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				golden.RequireEqual(t, render(t, m.View().Content, look.profile))
			})
		}
	}
}

// render is content as a terminal with profile receives it.
func render(t *testing.T, content string, profile colorprofile.Profile) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: profile}
	if _, err := w.WriteString(content); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
