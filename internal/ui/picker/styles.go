package picker

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"github.com/icetimer/icetimer/internal/ui/timer"
)

// Styles is how the picker looks.
type Styles struct {
	List     list.Styles
	Items    list.DefaultItemStyles
	Help     help.Styles
	Input    textinput.Styles
	Title    lipgloss.Style
	Label    lipgloss.Style
	Focused  lipgloss.Style
	Error    lipgloss.Style
	Footnote lipgloss.Style
}

// DefaultStyles are the styles for a dark background (isDark) or a light
// one: Bubbles' list styles for that background, with descriptions and
// help a step brighter than Bubbles' dim greys, which are hard to read.
func DefaultStyles(isDark bool) Styles {
	c := lipgloss.LightDark(isDark)
	items := list.NewDefaultItemStyles(isDark)
	desc := c(lipgloss.Color("#4A4A4A"), lipgloss.Color("#B8B8B8"))
	items.NormalDesc = items.NormalDesc.Foreground(desc)
	items.DimmedDesc = items.DimmedDesc.Foreground(c(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A")))
	ls := list.DefaultStyles(isDark)
	h := timer.HelpStyles(isDark)
	ls.HelpStyle = ls.HelpStyle.Padding(0, 0, 0, 2)
	return Styles{
		List:     ls,
		Items:    items,
		Help:     h,
		Input:    textinput.DefaultStyles(isDark),
		Title:    lipgloss.NewStyle().Bold(true),
		Label:    lipgloss.NewStyle().Width(13),
		Focused:  lipgloss.NewStyle().Bold(true).Reverse(true),
		Error:    lipgloss.NewStyle().Foreground(c(lipgloss.Color("#B91C1C"), lipgloss.Color("#FF6B6B"))),
		Footnote: lipgloss.NewStyle().Foreground(desc),
	}
}
