package ui

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/ui/picker"
	"github.com/icetimer/icetimer/internal/ui/timer"
)

// picked runs the program in teatest with a fixed clock and a save that
// records each course it is given.
type picked struct {
	tm    *teatest.TestModel
	now   time.Time
	saved []schedule.Course
}

func runPicker(t *testing.T, opts ...Option) *picked {
	t.Helper()
	p := &picked{now: time.Date(2026, 11, 21, 9, 0, 7, 600_000_000, time.UTC)}
	// Save is called from Update, on the program's goroutine; the test reads
	// saved only after the program has ended.
	opts = append(opts, WithClock(func() time.Time { return p.now }),
		WithSave(func(c schedule.Course) tea.Cmd { p.saved = append(p.saved, c); return nil }))
	p.tm = teatest.NewTestModel(t, New(opts...), teatest.WithInitialTermSize(80, 24))
	return p
}

// waitFor waits until the screen has drawn text (escape codes aside).
func (p *picked) waitFor(t *testing.T, text string) {
	t.Helper()
	teatest.WaitFor(t, p.tm.Output(), func(b []byte) bool {
		return strings.Contains(ansi.Strip(string(b)), text)
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func (p *picked) press(codes ...rune) {
	for _, c := range codes {
		p.tm.Send(tea.KeyPressMsg{Code: c})
	}
}

// quit quits with q on the timer screen and returns the final model, the
// course started and how many times it was saved.
func (p *picked) quit(t *testing.T) Model {
	t.Helper()
	p.tm.Type("q")
	p.waitFor(t, "background?")
	p.tm.Type("n")
	final, ok := p.tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if !ok {
		t.Fatal("the final model is not a ui.Model")
	}
	if final.Picking() {
		t.Fatal("the program ended on the picker")
	}
	if len(p.saved) != 1 {
		t.Fatalf("saved %d times, want once", len(p.saved))
	}
	return final
}

func TestPickerStartsAPresetNow(t *testing.T) {
	p := runPicker(t, WithDisclaimer())
	p.waitFor(t, Disclaimer)
	p.press(tea.KeyDown)  // Ice, then heat
	p.press(tea.KeyEnter) // its settings
	p.waitFor(t, "Quiet hours")
	p.press(tea.KeyRight) // window 48h -> 60h
	p.press(tea.KeyEnter) // start
	p.waitFor(t, "ICE ON")
	m := p.quit(t)

	c := m.Timer().Course()
	if !c.Start.Equal(p.now.Truncate(time.Second)) {
		t.Errorf("started at %v, want the clock truncated to the second", c.Start)
	}
	if c.Preset != "ice-then-heat" || c.Protocol.Stages[0].Window != 60*time.Hour || c.Quiet.String() != "23:00-07:00" {
		t.Errorf("course %s, window %v, quiet %s", c.Preset, c.Protocol.Stages[0].Window, c.Quiet)
	}
	if !reflect.DeepEqual(p.saved[0], c) {
		t.Errorf("saved %+v, not the course started %+v", p.saved[0], c)
	}
}

// A course started from the picker announces its first phase, as `icetimer
// run` does, so that a screen reopened later does not count the start as a
// change missed while away.
func TestPickerAnnouncesTheStart(t *testing.T) {
	var told [][]schedule.Transition
	p := runPicker(t, WithNotify(func(a timer.Announcement) tea.Cmd {
		ts := a.Transitions
		told = append(told, ts)
		return nil
	}))
	p.waitFor(t, "pick a cycle")
	p.press(tea.KeyEnter) // ice-20-20
	p.waitFor(t, "Quiet hours")
	p.press(tea.KeyEnter)
	p.waitFor(t, "ICE ON")
	p.quit(t)
	if len(told) != 1 || len(told[0]) != 1 || told[0][0].To.Cause != schedule.CauseStart {
		t.Fatalf("told %+v, want the start once", told)
	}
}

func TestCustomCycleShowsParseErrorAsYouType(t *testing.T) {
	p := runPicker(t)
	p.waitFor(t, "pick a cycle")
	for range schedule.Presets() {
		p.press(tea.KeyDown)
	}
	p.press(tea.KeyEnter)
	p.waitFor(t, "Cycle")
	p.tm.Type("ice 20")
	p.waitFor(t, "needs a unit")
	p.press(tea.KeyEnter) // refused: the cycle does not parse
	p.tm.Type("m")
	p.waitFor(t, "ok")
	p.press(tea.KeyEnter)
	p.waitFor(t, "ICE ON")
	m := p.quit(t)

	c := m.Timer().Course()
	if c.Preset != "custom" || schedule.FormatCycle(c.Protocol.Stages[0].Cycle) != "ice 20m" {
		t.Errorf("course %s with cycle %q, want custom ice 20m", c.Preset, schedule.FormatCycle(c.Protocol.Stages[0].Cycle))
	}
}

// TestModelKeepsThePickerOutOfLine checks that the picker (90 kB) stays
// behind a pointer: a Model is copied and boxed on every message, so it
// should be little more than the timer screen it shows.
func TestModelKeepsThePickerOutOfLine(t *testing.T) {
	model, screen := unsafe.Sizeof(Model{}), unsafe.Sizeof(timer.Model{})
	t.Logf("Model: %d bytes, timer.Model: %d, picker.Model: %d", model, screen, unsafe.Sizeof(picker.Model{}))
	if model > screen+1024 {
		t.Errorf("Model is %d bytes, want at most the timer screen's %d and 1 kB", model, screen)
	}
}
