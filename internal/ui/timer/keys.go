package timer

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
)

// KeyMap is the timer screen's key bindings. It implements help.KeyMap.
type KeyMap struct {
	// Ack says the pack is off, while a reminder repeats until it is.
	Ack     key.Binding
	Pause   key.Binding
	Skip    key.Binding
	Extend  key.Binding
	Shorten key.Binding
	Restart key.Binding
	// WentOn asks how many minutes ago the pack went on, and counts the
	// phase from then.
	WentOn key.Binding
	// Pain asks for a pain score now.
	Pain key.Binding
	Stop key.Binding
	Help key.Binding
	Quit key.Binding
	// Confirm and Cancel answer the question "stop the course?".
	Confirm key.Binding
	Cancel  key.Binding
	// Background, NoReminders and Stay answer the question asked on quitting
	// while the course runs. Quitting again is Background: a slip of the
	// finger must not end the reminders.
	Background  key.Binding
	NoReminders key.Binding
	Stay        key.Binding
}

// DefaultKeyMap is the bindings the help bar lists.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Ack:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "pack is off")),
		Pause:       key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause")),
		Skip:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "skip")),
		Extend:      key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "add 5 min")),
		Shorten:     key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "5 min less")),
		Restart:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "restart phase")),
		WentOn:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "went on N min ago")),
		Pain:        key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pain now")),
		Stop:        key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "stop course")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more")),
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Confirm:     key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes, stop")),
		Cancel:      key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "keep going")),
		Background:  key.NewBinding(key.WithKeys("y", "Y", "enter", "q", "ctrl+c"), key.WithHelp("y", "quit, keep reminding")),
		NoReminders: key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", "quit, no reminders")),
		Stay:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stay")),
	}
}

// ShortHelp is the one-line help bar.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Ack, k.Pause, k.Skip, k.Help, k.Quit}
}

// FullHelp is every key, shown after "?".
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Ack, k.Pause, k.Skip, k.Extend, k.Shorten},
		{k.Restart, k.WentOn, k.Pain, k.Stop},
		{k.Help, k.Quit},
	}
}

// Described is every key of the full help with what it does, in its
// order ("space", "pause"): the man page lists them.
func (k KeyMap) Described() [][2]string {
	var out [][2]string
	for _, column := range k.FullHelp() {
		for _, b := range column {
			out = append(out, [2]string{b.Help().Key, b.Help().Desc})
		}
	}
	return out
}

// Action is the action a key asks for at once, the same on every screen
// (the timer screen, the view, the plain screen): ack, pause or resume
// (as s waits for), skip, extend, shorten, restart; false for any other
// key (the keys that ask a question first, and those that change nothing).
func (k KeyMap) Action(msg tea.KeyPressMsg, s schedule.State) (schedule.Action, bool) {
	switch {
	case key.Matches(msg, k.Ack):
		return schedule.Action{Verb: schedule.VerbAck}, true
	case key.Matches(msg, k.Pause) && s.WaitsForResume:
		return schedule.Action{Verb: schedule.VerbResume}, true
	case key.Matches(msg, k.Pause):
		return schedule.Action{Verb: schedule.VerbPause}, true
	case key.Matches(msg, k.Skip):
		return schedule.Action{Verb: schedule.VerbSkip}, true
	case key.Matches(msg, k.Extend):
		return schedule.Action{Verb: schedule.VerbExtend, Amount: ExtendBy}, true
	case key.Matches(msg, k.Shorten):
		return schedule.Action{Verb: schedule.VerbShorten, Amount: ExtendBy}, true
	case key.Matches(msg, k.Restart):
		return schedule.Action{Verb: schedule.VerbRestart}, true
	}
	return schedule.Action{}, false
}

// changesCourse reports whether msg is a key that changes the course.
func (k KeyMap) changesCourse(msg tea.KeyPressMsg) bool {
	return key.Matches(msg, k.Ack, k.Pause, k.Skip, k.Extend, k.Shorten, k.Restart, k.WentOn, k.Pain, k.Stop)
}

// withChanges is k with the keys that change the course enabled or not, so
// that the help bar lists them only when they do something; the ack key
// only while a reminder waits for it.
func (k KeyMap) withChanges(enabled, waiting bool) KeyMap {
	for _, b := range []*key.Binding{&k.Pause, &k.Skip, &k.Extend, &k.Shorten, &k.Restart, &k.WentOn, &k.Pain, &k.Stop} {
		b.SetEnabled(enabled)
	}
	k.Ack.SetEnabled(enabled && waiting)
	return k
}

// forScreen is k with its help saying what the keys do on screen s: space
// resumes while paused, ? shows less while all keys show, a says the pack
// is on when a put-on waits.
func (k KeyMap) forScreen(s screen) KeyMap {
	if s.putOn {
		k.Ack.SetHelp("a", "it's on")
	}
	if s.paused {
		k.Pause.SetHelp("space", "resume")
	}
	if s.fullHelp {
		k.Help.SetHelp("?", "less")
	}
	return k
}

// quitKeys is the help shown while the quit question is asked.
type quitKeys struct{ KeyMap }

func (k quitKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Background, k.NoReminders, k.Stay}
}
func (k quitKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// confirmKeys is the help shown while the stop question is asked.
type confirmKeys struct{ KeyMap }

func (k confirmKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Confirm, k.Cancel} }
func (k confirmKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
