package picker

import (
	"bytes"
	"errors"
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/schedule"
)

var now = time.Date(2026, 11, 21, 9, 0, 7, 0, time.UTC)

// newPicker is a picker at w x h with a fixed clock.
func newPicker(t *testing.T, w, h int, set func(*Config)) *Model {
	t.Helper()
	cfg := Config{Now: func() time.Time { return now }}
	if set != nil {
		set(&cfg)
	}
	m := New(cfg)
	m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return &m
}

// send passes msg; its command is dropped (the cursor's blink would sleep).
func send(m *Model, msg tea.Msg) {
	*m, _ = m.Update(msg)
}

// startBy passes key k, which may start the course: the command of a key
// that starts answers at once, and the StartMsg comes back (nil if none).
func startBy(m *Model, k string) *StartMsg {
	var cmd tea.Cmd
	*m, cmd = m.Update(press(k))
	if cmd == nil {
		return nil
	}
	if s, ok := cmd().(StartMsg); ok {
		return &s
	}
	return nil
}

func press(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	}
	return tea.KeyPressMsg{Code: rune(k[0]), Text: k}
}

func typeText(m *Model, s string) {
	for _, r := range s {
		send(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func text(m *Model) string { return ansi.Strip(m.View()) }

func TestEveryPresetShowsAt80x24(t *testing.T) {
	m := newPicker(t, 80, 24, func(c *Config) { c.Footnote = "icetimer is a reminder timer, not a medical device or medical advice." })
	got := text(m)
	if n := len(strings.Split(got, "\n")); n > 24 {
		t.Errorf("the picker takes %d lines at 80x24:\n%s", n, got)
	}
	for _, p := range schedule.Presets() {
		if !strings.Contains(got, p.Name) {
			t.Errorf("preset %q is not shown at 80x24:\n%s", p.Name, got)
		}
	}
	for _, want := range []string{"Custom cycle", "Back Spasm Relief", `"our reading":`, "medical advice"} {
		if !strings.Contains(got, want) {
			t.Errorf("the picker lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, ".txt") || strings.Contains(got, "article 0") {
		t.Errorf("a source shows as a file name:\n%s", got)
	}
	for _, l := range strings.Split(got, "\n") {
		if w := ansi.StringWidth(l); w > 80 || strings.Contains(l, "…") {
			t.Errorf("line %q is %d wide or cut", l, w)
		}
	}
	send(m, press("enter"))
	if got := text(m); !strings.Contains(got, "source: Back Spasm Relief, The Healthy Back Institute") {
		t.Errorf("the form does not name the source and its publisher:\n%s", got)
	}
}

func TestFilterFindsByNameAndSource(t *testing.T) {
	m := newPicker(t, 80, 24, nil)
	send(m, press("/"))
	typeText(m, "heat 20")
	if got := m.list.FilterValue(); got != "heat 20" {
		t.Fatalf("the filter took %q", got)
	}
	// The list filters in a command of its own; apply it here at once.
	m.list.SetFilterText(m.list.FilterValue())
	got := text(m)
	if !strings.Contains(got, "Heat 20 on, 20 off") || strings.Contains(got, "Ice 25 on, 90 off") {
		t.Fatalf("filter \"heat 20\":\n%s", got)
	}
	start := choose(t, m)
	if start.Course.Preset != "heat-20-20" {
		t.Fatalf("started %q, want heat-20-20", start.Course.Preset)
	}
}

// "heat" keeps the presets with heat in them, not every one whose text
// holds the letters h, e, a and t in order ("The Healthy Back Institute"),
// and "Healthy Back" still finds that article's (issue 22); the earliest
// match comes first.
func TestFilterMatchesWords(t *testing.T) {
	for term, want := range map[string][]string{
		"heat":         {"Heat 20 on, 20 off", "Ice, then heat", "Alternate ice and heat"},
		"Healthy Back": {"Ice, then heat", "Ice 20 on, 20 off", "Heat 20 on, 20 off"},
		"10-10":        {"Intermittent ice 10-10-10"},
	} {
		m := newPicker(t, 80, 40, nil)
		send(m, press("/"))
		typeText(m, term)
		m.list.SetFilterText(m.list.FilterValue())
		var got []string
		for _, it := range m.list.VisibleItems() {
			if p := it.(item).preset; p != nil {
				got = append(got, p.Name)
			}
		}
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("filter %q kept %q, want %q", term, got, want)
		}
	}
}

// choose opens the selected item's form and starts it.
func choose(t *testing.T, m *Model) *StartMsg {
	t.Helper()
	send(m, press("enter"))
	s := startBy(m, "enter")
	if s == nil {
		t.Fatalf("enter on the form started nothing:\n%s", text(m))
	}
	return s
}

// TestLightStyleOnLightBackground renders the list after a light
// background answer: its titles are dark (no near-white 256-colour 255 or
// 252 of the dark style), and after a dark answer they are light again.
func TestLightStyleOnLightBackground(t *testing.T) {
	render := func(m *Model) string {
		var buf bytes.Buffer
		w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.ANSI256}
		_, _ = w.WriteString(m.View())
		return buf.String()
	}
	m := newPicker(t, 80, 24, nil)
	dark := render(m)
	send(m, tea.BackgroundColorMsg{Color: color.White})
	light := render(m)
	if light == dark {
		t.Fatal("a light background did not change the picker's colours")
	}
	for _, nearWhite := range []string{"38;5;255m", "38;5;252m", "38;5;254m"} {
		if strings.Contains(light, nearWhite) {
			t.Errorf("light style draws near-white text (%s):\n%q", nearWhite, light)
		}
	}
	send(m, tea.BackgroundColorMsg{Color: color.Black})
	if render(m) != dark {
		t.Error("a dark background did not bring the dark style back")
	}
}

func TestCustomWithWindowAndThen(t *testing.T) {
	m := newPicker(t, 80, 24, nil)
	for range len(schedule.Presets()) {
		send(m, press("down"))
	}
	send(m, press("enter"))
	typeText(m, "ice 15 min, rest 45 min,")
	send(m, press("tab"))
	send(m, press("tab"))
	typeText(m, "heat 20 min, rest 20 min")
	if got := text(m); !strings.Contains(got, "needs a window") {
		t.Fatalf("a follow-on cycle without a window is not refused:\n%s", got)
	}
	if s := startBy(m, "enter"); s != nil {
		t.Fatal("started without a window for the follow-on cycle")
	}
	send(m, press("up"))
	typeText(m, "36 hours")
	s := startBy(m, "enter")
	if s == nil {
		t.Fatalf("did not start:\n%s", text(m))
	}
	p := s.Course.Protocol
	if len(p.Stages) != 2 || p.Stages[0].Window != 36*time.Hour ||
		schedule.FormatCycle(p.Stages[0].Cycle) != "ice 15m, rest 45m" || schedule.FormatCycle(p.Stages[1].Cycle) != "heat 20m, rest 20m" {
		t.Fatalf("course %+v", p)
	}
	if !s.Course.Start.Equal(now) || s.Course.Preset != "custom" {
		t.Fatalf("course starts %v as %q", s.Course.Start, s.Course.Preset)
	}
}

func TestTooSmallSaysSo(t *testing.T) {
	m := newPicker(t, 30, 10, nil)
	if got := text(m); !strings.Contains(got, "too small") {
		t.Fatalf("30x10:\n%s", got)
	}
}

func TestReplacingAsksFirst(t *testing.T) {
	m := newPicker(t, 80, 24, func(c *Config) { c.Replacing = "Ice 20 on, 20 off" })
	send(m, press("enter"))
	if s := startBy(m, "enter"); s != nil {
		t.Fatal("replaced the running course without asking")
	}
	if got := text(m); !strings.Contains(got, "Replace the running course (Ice 20 on, 20 off)?") {
		t.Fatalf("no question:\n%s", got)
	}
	if s := startBy(m, "n"); s != nil {
		t.Fatal("n replaced the course")
	}
	send(m, press("enter"))
	if s := startBy(m, "y"); s == nil || s.Course.Preset != "ice-20-20" {
		t.Fatalf("y did not start the new course: %+v", s)
	}
}

// TERM=dumb or LANG=C: the list, the form and their help in ASCII only
// (issue 11).
func TestASCIIPickerHasNoOtherBytes(t *testing.T) {
	m := newPicker(t, 80, 24, func(c *Config) { c.ASCII = true })
	views := []string{text(m)}
	send(m, press("enter")) // the first preset's form: window and quiet hours
	views = append(views, text(m))
	for i, v := range views {
		for _, r := range v {
			if r > 0x7e || r < 0x20 && r != '\n' {
				t.Fatalf("view %d has %q:\n%s", i, r, v)
			}
		}
	}
}

// At 40x12 every form still shows its fields and "enter start now": the
// lines that only explain give way first (issue 22).
func TestFormFitsTheSmallestWindow(t *testing.T) {
	for i := range len(schedule.Presets()) + 1 {
		m := newPicker(t, 40, 12, nil)
		for range i {
			send(m, press("down"))
		}
		send(m, press("enter"))
		got := text(m)
		lines := strings.Split(got, "\n")
		if len(lines) > 12 || !strings.Contains(got, "enter start now") || !strings.Contains(got, "Quiet hours") {
			t.Errorf("item %d: %d lines at 40x12, want 12 or fewer with the fields and enter start now:\n%s", i, len(lines), got)
		}
	}
}

// The custom form says nothing is wrong with an empty cycle until enter
// is pressed on it; then it says what to type.
func TestEmptyCycleIsNoMistakeUntilEnter(t *testing.T) {
	m := newPicker(t, 80, 24, nil)
	for range len(schedule.Presets()) {
		send(m, press("down"))
	}
	send(m, press("enter"))
	if got := text(m); strings.Contains(got, "cycle is empty") || !strings.Contains(got, "Custom cycle") {
		t.Fatalf("the empty cycle is an error before any typing:\n%s", got)
	}
	if startBy(m, "enter") != nil {
		t.Fatal("an empty cycle started")
	}
	if got := text(m); !strings.Contains(got, "cycle is empty") {
		t.Fatalf("enter on an empty cycle does not say why nothing started:\n%s", got)
	}
}

// Before the first course the picker offers the safety questions: a line,
// and c runs them; once asked, the line goes (or says why they could not
// be).
func TestPickerOffersTheSafetyQuestions(t *testing.T) {
	asked := 0
	check := func() tea.Msg { asked++; return CheckedMsg{Said: "Ask a clinician before using cold."} }
	m := New(Config{SafetyCheck: check})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if !strings.Contains(ansi.Strip(m.View()), "First time? c asks five safety questions") {
		t.Fatalf("no offer:\n%s", m.View())
	}
	m, cmd := m.Update(tea.KeyPressMsg{Code: 'c', Text: "c"})
	if cmd == nil {
		t.Fatal("c ran nothing")
	}
	m, _ = m.Update(cmd())
	if v := ansi.Strip(m.View()); asked != 1 || strings.Contains(v, "First time?") || !strings.Contains(v, "Ask a clinician before using cold.") {
		t.Fatalf("asked %d times; the offer stayed:\n%s", asked, m.View())
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'c', Text: "c"}); cmd != nil {
		t.Fatal("c runs the questions again")
	}
	m = New(Config{SafetyCheck: check})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m, _ = m.Update(CheckedMsg{Err: errors.New("exit status 1")})
	if !strings.Contains(ansi.Strip(m.View()), "The safety questions could not be asked (exit status 1): run icetimer check.") {
		t.Fatalf("a failure is silent:\n%s", m.View())
	}
	plain, _ := New(Config{}).Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if v := ansi.Strip(plain.View()); strings.Contains(v, "First time?") || !strings.Contains(v, "Start a course") {
		t.Fatalf("offered with no check to run:\n%s", v)
	}
}
