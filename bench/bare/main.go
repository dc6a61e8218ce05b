// Command bare is the yardstick bench/idle.sh measures the timer screen
// against: a Bubble Tea v2 program as its documentation starts one, at the
// default 60 frames a second, showing one static line. ? shows and hides a
// second line (for the key-to-screen latency), q quits. It is its own module
// so that it is built with upstream Bubble Tea, not the patched copy in
// third_party/bubbletea.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

type model struct{ help bool }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "?":
			m.help = !m.help
		case "q", "ctrl+c":
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	s := "bare Bubble Tea: one static line"
	if m.help {
		s += "\n? hides this line, q quits"
	}
	return tea.NewView(s)
}

func main() {
	if _, err := tea.NewProgram(model{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
