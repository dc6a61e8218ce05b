package ui

import (
	"os"
	"runtime"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
)

// FPS is the most frames a second the renderer draws, for tea.WithFPS. The
// Bubble Tea in third_party/bubbletea draws a change at once when the last
// frame is a tick old, else at that tick, and runs its ticker only while a
// frame waits, so FPS costs nothing when idle: it sets how long the first
// frame waits (one tick, 8 ms, so that it comes with the terminal's size)
// and how often a burst of changes, such as a held key, is drawn. 120 is
// the most Bubble Tea allows.
const FPS = 120

// gcPercent keeps the heap near what is live: the screen allocates a few
// tens of kilobytes a second, so the default (100, with a 4 MB floor) let
// the heap grow by megabytes between collections.
const gcPercent = 25

// ProgramOptions are the options the screens run with. Input from a
// terminal goes through a pasteGuard, so that a paste that never ends
// cannot swallow the keys. The colour profile
// is the one lipgloss detected for standard output when it loaded: Bubble
// Tea would detect it again, which inside tmux runs `tmux info` a second
// time, 10-15 ms before the first frame. Because the process
// is then a screen that sleeps but for a few milliseconds a second, it also
// sizes the Go runtime for that: one processor (GOMAXPROCS=1), so a wakeup
// does not hand work from thread to thread, which about halved the wakeups
// and CPU measured by bench/idle.sh; and a smaller heap (gcPercent). A
// GOMAXPROCS or GOGC set in the environment is left alone.
func ProgramOptions() []tea.ProgramOption {
	if _, set := os.LookupEnv("GOMAXPROCS"); !set {
		runtime.GOMAXPROCS(1)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	opts := []tea.ProgramOption{tea.WithFPS(FPS), tea.WithColorProfile(lipgloss.Writer.Profile)}
	if runtime.GOOS != "windows" && term.IsTerminal(os.Stdin.Fd()) {
		// Where standard input is not a terminal, Bubble Tea opens the
		// terminal itself, unguarded; the screen runs from a shell, on one.
		// Windows consoles are read through their own API: left as they are.
		opts = append(opts, tea.WithInput(newPasteGuard(os.Stdin, time.Now)))
	}
	return opts
}
