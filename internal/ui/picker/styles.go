package picker

import (
	"charm.land/bubbles/v2/list"
	"charm.land/lipgloss/v2"
)

// Styles is how the picker looks.
type Styles struct {
	List     list.Styles
	Title    lipgloss.Style
	Label    lipgloss.Style
	Focused  lipgloss.Style
	Error    lipgloss.Style
	Footnote lipgloss.Style
}

// DefaultStyles suit dark and light terminals alike.
func DefaultStyles() Styles {
	return Styles{
		List:     list.DefaultStyles(true),
		Title:    lipgloss.NewStyle().Bold(true),
		Label:    lipgloss.NewStyle().Width(13),
		Focused:  lipgloss.NewStyle().Bold(true).Reverse(true),
		Error:    lipgloss.NewStyle().Foreground(lipgloss.Color("#E5484D")),
		Footnote: lipgloss.NewStyle().Faint(true),
	}
}
