package ui

import (
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// TestProgramOptionsSizeTheRuntime checks the runtime settings for an idle
// screen, and that GOMAXPROCS and GOGC from the environment win.
func TestProgramOptionsSizeTheRuntime(t *testing.T) {
	procs, gc := runtime.GOMAXPROCS(0), debug.SetGCPercent(100)
	t.Cleanup(func() { runtime.GOMAXPROCS(procs); debug.SetGCPercent(gc) })
	for _, name := range []string{"GOMAXPROCS", "GOGC"} {
		t.Setenv(name, "") // restores the variable afterwards
		if err := os.Unsetenv(name); err != nil {
			t.Fatal(err)
		}
	}
	runtime.GOMAXPROCS(2)
	ProgramOptions()
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Errorf("GOMAXPROCS = %d, want 1", got)
	}
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GC percent = %d, want %d", got, gcPercent)
	}

	t.Setenv("GOMAXPROCS", "2")
	t.Setenv("GOGC", "100")
	runtime.GOMAXPROCS(2)
	ProgramOptions()
	if got := runtime.GOMAXPROCS(0); got != 2 {
		t.Errorf("with GOMAXPROCS=2 set, GOMAXPROCS = %d, want 2", got)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC=100 set, GC percent = %d, want 100", got)
	}
}

// profileModel quits on the colour profile the program tells it.
type profileModel struct{ profile *colorprofile.Profile }

func (m profileModel) Init() tea.Cmd { return nil }

func (m profileModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if p, ok := msg.(tea.ColorProfileMsg); ok {
		*m.profile = p.Profile
		return m, tea.Quit
	}
	return m, nil
}

func (m profileModel) View() tea.View { return tea.NewView("") }

// TestProgramOptionsReuseTheColourProfile checks that the program takes the
// profile lipgloss detected instead of detecting its own: here, writing to a
// buffer, it would detect no colours at all.
func TestProgramOptionsReuseTheColourProfile(t *testing.T) {
	saved := lipgloss.Writer.Profile
	t.Cleanup(func() { lipgloss.Writer.Profile = saved })
	lipgloss.Writer.Profile = colorprofile.ANSI
	t.Setenv("GOMAXPROCS", "") // keep this test's runtime settings
	t.Setenv("GOGC", "")
	got := colorprofile.NoTTY
	opts := append(ProgramOptions(), tea.WithInput(nil), tea.WithOutput(io.Discard))
	if _, err := tea.NewProgram(profileModel{&got}, opts...).Run(); err != nil {
		t.Fatal(err)
	}
	if got != colorprofile.ANSI {
		t.Errorf("the program used colour profile %v, want lipgloss's %v", got, colorprofile.ANSI)
	}
}
