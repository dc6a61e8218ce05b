package ui

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// counterModel shows a count that each advanceMsg moves on, as three
// characters that all change from one count to the next ("Aa0", "Bb1"),
// so that the renderer, which writes only the cells that changed, writes
// the whole of it.
type counterModel struct{ n int }

type advanceMsg struct{}

func (m counterModel) Init() tea.Cmd { return nil }

func (m counterModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(advanceMsg); ok {
		m.n++
	}
	return m, nil
}

func (m counterModel) View() tea.View { return tea.NewView(shown(m.n)) }

func shown(n int) string { return fmt.Sprintf("%c%c%d", 'A'+n, 'a'+n, n%10) }

// terminalLog is a terminal that notes when each write came, on the
// synctest clock, counted from start.
type terminalLog struct {
	start  time.Time
	mu     sync.Mutex
	writes []terminalWrite
}

type terminalWrite struct {
	at   time.Duration
	text string
}

func (l *terminalLog) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes = append(l.writes, terminalWrite{time.Since(l.start), string(b)})
	return len(b), nil
}

// firstWith is when text was first written, and whether it was.
func (l *terminalLog) firstWith(text string) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, w := range l.writes {
		if strings.Contains(w.text, text) {
			return w.at, true
		}
	}
	return 0, false
}

// instantsSince are the distinct moments at or after from when something
// was written: the frames drawn, however many writes each took.
func (l *terminalLog) instantsSince(from time.Duration) []time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	var at []time.Duration
	for _, w := range l.writes {
		if w.at >= from && (len(at) == 0 || at[len(at)-1] != w.at) {
			at = append(at, w.at)
		}
	}
	return at
}

// TestScreenDrawsOnlyWhenTheViewChanges checks the renderer the screen runs
// on (third_party/bubbletea), on synctest's clock so that no figure depends
// on the machine's speed: the first frame comes at the first tick; a change
// after a quiet spell is written at once, not at the next tick; a burst of
// changes is drawn as two frames; and an idle hour does no work (counted
// in allocations: the stock renderer's ticker allocates on each of its
// 216,000 ticks an hour at 60 frames a second).
func TestScreenDrawsOnlyWhenTheViewChanges(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		term := &terminalLog{start: time.Now()}
		p := tea.NewProgram(counterModel{}, tea.WithFPS(FPS), tea.WithInput(nil), tea.WithOutput(term),
			tea.WithoutSignalHandler(), tea.WithWindowSize(80, 24), tea.WithColorProfile(colorprofile.Ascii),
			tea.WithEnvironment([]string{"TERM=xterm-256color"}))
		done := make(chan error)
		go func() { _, err := p.Run(); done <- err }()
		tick := time.Second / FPS

		time.Sleep(time.Second)
		synctest.Wait()
		if at, ok := term.firstWith(shown(0)); !ok || at != tick {
			t.Errorf("first frame at %v (written: %v), want at the first tick, %v", at, ok, tick)
		}

		// A key a while after the last frame, between two ticks.
		time.Sleep(7 * time.Millisecond)
		now := time.Since(term.start)
		p.Send(advanceMsg{})
		synctest.Wait()
		if at, ok := term.firstWith(shown(1)); !ok || at != now {
			t.Errorf("a change at %v was written at %v (written: %v), want at once", now, at, ok)
		}

		time.Sleep(time.Second)
		now = time.Since(term.start)
		for range 10 {
			p.Send(advanceMsg{})
		}
		time.Sleep(time.Second)
		synctest.Wait()
		frames := term.instantsSince(now)
		last, ok := term.firstWith(shown(11))
		if len(frames) > 2 || !ok || last > now+tick {
			t.Errorf("a burst of 10 changes at %v was drawn at %v, the last at %v (written: %v); want at most 2 frames, the last by %v",
				now, frames, last, ok, now+tick)
		}

		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		time.Sleep(time.Hour)
		synctest.Wait()
		runtime.ReadMemStats(&after)
		allocs := after.Mallocs - before.Mallocs
		t.Logf("an idle hour: %d allocations", allocs)
		if allocs > 10000 {
			t.Errorf("an idle hour made %d allocations, want next to none: the renderer kept waking", allocs)
		}

		p.Quit()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	})
}
