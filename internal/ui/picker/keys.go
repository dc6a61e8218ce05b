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
}

// DefaultKeyMap is the bindings the form's help lists.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:   key.NewBinding(key.WithKeys("down", "tab"), key.WithHelp("↓/tab", "next")),
		Prev:   key.NewBinding(key.WithKeys("up", "shift+tab"), key.WithHelp("↑", "previous")),
		Change: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "change")),
		Start:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start now")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Quit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp is the form's help line.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Start, k.Next, k.Change, k.Back}
}

// FullHelp is the same keys in one column.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
