package timer

import (
	"runtime"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
)

// oneSecondScreen is the screen of `icetimer start --cycle "ice 1s, rest
// 1s"` with quiet hours 23:00-07:00, days into the course (when the engine
// once walked every phase since the start at every tick), at 80x24. Its
// reminders are counted, not kept.
func oneSecondScreen(days int) (*Model, *clock, *int) {
	clk := &clock{start.Add(time.Duration(days)*24*time.Hour + time.Hour + 300*time.Millisecond)}
	c := schedule.Course{Preset: "custom", Start: start,
		Protocol: schedule.Protocol{Stages: []schedule.Stage{{Cycle: schedule.Cycle{{Kind: schedule.Ice, Duration: time.Second}, {Kind: schedule.Rest, Duration: time.Second}}}}},
		Quiet:    schedule.QuietHours{Enabled: true, Start: 23 * time.Hour, End: 7 * time.Hour, Location: time.UTC}}
	told := 0
	m := New(c, Config{Now: clk.now, Notify: func(a Announcement) tea.Cmd {
		told += len(a.Transitions)
		return nil
	}})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return &m, clk, &told
}

// simulate runs the screen through n seconds: a tick on each, and a frame.
func simulate(m *Model, clk *clock, n int) {
	for range n {
		clk.t = clk.t.Add(time.Second)
		send(m, TickMsg{ID: m.id})
		_ = m.View()
	}
}

// BenchmarkOneSecondCycleSecond is one second of the screen's own work on
// a 1 s cycle six days in: its share of a core is ns/op / 10^9.
func BenchmarkOneSecondCycleSecond(b *testing.B) {
	m, clk, _ := oneSecondScreen(6)
	b.ReportAllocs()
	for b.Loop() {
		simulate(m, clk, 1)
	}
}

// The budget for a 1 s cycle: under 5 % of a core and 50 MB. The bounds
// here are generous, a tenth of the budget's time for a loaded machine, and
// the whole of its memory; BenchmarkOneSecondCycleSecond gives the figure.
// Every change is reminded of, none merged: the 600 seconds hold 600 changes.
func TestOneSecondCycleKeepsToItsBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("times 600 simulated seconds of the screen")
	}
	m, clk, told := oneSecondScreen(6)
	simulate(m, clk, 5) // settle: the first tick announces the catch-up
	*told = 0
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	const seconds = 600
	began := time.Now()
	simulate(m, clk, seconds)
	took := time.Since(began)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if share := took.Seconds() / seconds; share > 0.05 {
		t.Errorf("%d simulated seconds took %v: %.1f %% of a core, budget 5 %%", seconds, took, 100*share)
	}
	if after.HeapInuse > 50<<20 {
		t.Errorf("heap in use %d MB after %d seconds, budget 50 MB", after.HeapInuse>>20, seconds)
	}
	if *told != seconds {
		t.Errorf("%d changes reminded of in %d seconds of a 1 s cycle, want %d", *told, seconds, seconds)
	}
	t.Logf("%d s in %v (%.3f %% of a core), %d KB allocated a second, heap in use %d MB",
		seconds, took, 100*took.Seconds()/seconds, (after.TotalAlloc-before.TotalAlloc)/seconds>>10, after.HeapInuse>>20)
}
