package picker

import "charm.land/bubbles/v2/key"

// KeyMap is the settings form's keys (the list has its own, from bubbles).
type KeyMap struct {
	Next   key.Binding
	Prev   key.Binding
	Change key.Binding
	Start  key.Binding
	Back   key.Binding
	Quit   key.Binding
	// Confirm and Cancel answer "replace the running course?".
	Confirm key.Binding
	Cancel  key.Binding
}

// DefaultKeyMap is the bindings the form's help lists.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:    key.NewBinding(key.WithKeys("down", "tab"), key.WithHelp("↓/tab", "next")),
		Prev:    key.NewBinding(key.WithKeys("up", "shift+tab"), key.WithHelp("↑", "previous")),
		Change:  key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "change")),
		Start:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start now")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Confirm: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes, replace")),
		Cancel:  key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", "keep it")),
	}
}

// ShortHelp is the form's help line.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Start, k.Next, k.Change, k.Back}
}

// FullHelp is the same keys in one column.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// confirmKeys is the help shown while the replace question is asked.
type confirmKeys struct{ KeyMap }

func (k confirmKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Confirm, k.Cancel} }
func (k confirmKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// ascii is k with its help in ASCII ("down/tab" for "↓/tab").
func (k KeyMap) ascii() KeyMap {
	k.Next.SetHelp("down/tab", "next")
	k.Prev.SetHelp("up", "previous")
	k.Change.SetHelp("left/right", "change")
	return k
}
