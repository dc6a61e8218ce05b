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

// FPS is the renderer's frame rate, for tea.WithFPS. Bubble Tea v2.0.10
// flushes frames only on a ticker at this rate, waking the program each time
// even when nothing changed, and has no way to flush at once; so FPS bounds
// the delay from a key press to the screen (1000/FPS = 67 ms) and the first
// frame (one tick after start-up: under 100 ms, issue 11), and sets most of
// the idle wakeups (15 a second of bench/idle.sh's ~60).
const FPS = 15

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
