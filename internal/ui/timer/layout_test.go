package timer

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestKeptLayoutDrawsTheSameFrames ticks a screen second by second across
// minute changes, a phase change, a pause and a resize, and checks every
// frame against one laid out from scratch.
func TestKeptLayoutDrawsTheSameFrames(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}, {44, 13}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m, clk, _, _ := newScreen(t)
			send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			clk.t = start.Add(18*time.Minute + 50*time.Second + 300*time.Millisecond)
			for i := range 150 {
				switch i {
				case 100:
					press(m, "space")
				case 120:
					send(m, tea.WindowSizeMsg{Width: size[0] + 1, Height: size[1] + 1})
				}
				send(m, TickMsg{ID: m.id})
				fresh := *m
				fresh.layout = layout{}
				if want := fresh.frame(m.shownScreen); m.content != want {
					t.Fatalf("at %s the kept layout drew\n%s\nwant\n%s", clk.t.Format("15:04:05"), m.content, want)
				}
				clk.t = clk.t.Add(time.Second)
			}
		})
	}
}

// BenchmarkTick is the screen's own work for one tick: reading the course
// and drawing the frame, across minute changes.
func BenchmarkTick(b *testing.B) {
	m, clk, _, _ := newScreen(&testing.T{})
	b.ReportAllocs()
	for b.Loop() {
		clk.t = clk.t.Add(time.Second)
		send(m, TickMsg{ID: m.id})
		_ = m.View()
	}
}
