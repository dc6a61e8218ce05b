package timer

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/icetimer/icetimer/internal/schedule"
)

// Styles is how the timer screen looks. Colours repeat what the words say,
// so the screen reads the same with NO_COLOR.
type Styles struct {
	// Ice, Heat, Rest, Night, Done and Paused are the colour of each thing to
	// do; they tint the badge, the big text and the progress bar.
	Ice, Heat, Rest, Night, Done, Paused color.Color
	// Badge is the full-width bar naming what to do now (drawn reversed in the
	// phase's colour).
	Badge lipgloss.Style
	// Digits is the remaining time and the headline in big text.
	Digits lipgloss.Style
	// Action is the sentence saying what to do.
	Action lipgloss.Style
	// Detail is the exact remaining time and the phase's end.
	Detail lipgloss.Style
	// Info is the next changes, the stage and today's count.
	Info lipgloss.Style
	// Safety is the safety line.
	Safety lipgloss.Style
	// Banner announces a change that just happened.
	Banner lipgloss.Style
	// Alert is the colour of what must be done now: the headline and the
	// badge while a change waits for the person ("ICE OFF").
	Alert color.Color
	// Problem is the line for errors coming back (saving failed, ...).
	Problem lipgloss.Style
	// Dim is a problem shown before, told again quietly.
	Dim lipgloss.Style
	// Question is a question asked (the pain check-in, stop, quit): no
	// error, so not in the problem's colour.
	Question lipgloss.Style
	// ReadOnly is the line saying which process drives a course shown
	// read-only.
	ReadOnly lipgloss.Style
	// BarEmpty is the colour of the progress bar's unused part.
	BarEmpty color.Color
	Help     help.Styles
}

// DefaultStyles are the styles for a dark background (isDark) or a light
// one. Each colour keeps a contrast of about 4.5:1 or more against its
// background, and stays apart from the others when the terminal has only
// 256 or 16 colours.
func DefaultStyles(isDark bool) Styles {
	c := lipgloss.LightDark(isDark)
	return Styles{
		Ice:      c(lipgloss.Color("#0057B8"), lipgloss.Color("#4DB2FF")),
		Heat:     c(lipgloss.Color("#B33A00"), lipgloss.Color("#FF7A45")),
		Rest:     c(lipgloss.Color("#3F6212"), lipgloss.Color("#A3C266")),
		Night:    c(lipgloss.Color("#5B21B6"), lipgloss.Color("#A78BFA")),
		Done:     c(lipgloss.Color("#166534"), lipgloss.Color("#4ADE80")),
		Paused:   c(lipgloss.Color("#854D0E"), lipgloss.Color("#FACC15")),
		Badge:    lipgloss.NewStyle().Bold(true).Reverse(true).Align(lipgloss.Center),
		Digits:   lipgloss.NewStyle().Bold(true),
		Action:   lipgloss.NewStyle().Bold(true),
		Detail:   lipgloss.NewStyle(),
		Info:     lipgloss.NewStyle(),
		Safety:   lipgloss.NewStyle().Italic(true),
		Banner:   lipgloss.NewStyle().Bold(true).Reverse(true),
		Alert:    c(lipgloss.Color("#D70000"), lipgloss.Color("#FF0000")),
		Problem:  lipgloss.NewStyle().Bold(true).Foreground(c(lipgloss.Color("#B91C1C"), lipgloss.Color("#FF6B6B"))),
		Dim:      lipgloss.NewStyle().Faint(true),
		Question: lipgloss.NewStyle().Bold(true),
		ReadOnly: lipgloss.NewStyle().Bold(true),
		BarEmpty: c(lipgloss.Color("#C4C4C4"), lipgloss.Color("#5A5A5A")),
		Help:     HelpStyles(isDark),
	}
}

// HelpStyles are the help bar's styles: Bubbles' own are too dim to read
// (greys 237-241), and in 16 colours their separators turn black on black.
func HelpStyles(isDark bool) help.Styles {
	c := lipgloss.LightDark(isDark)
	key := lipgloss.NewStyle().Bold(true).Foreground(c(lipgloss.Color("#1F1F1F"), lipgloss.Color("#E8E8E8")))
	desc := lipgloss.NewStyle().Foreground(c(lipgloss.Color("#4A4A4A"), lipgloss.Color("#B8B8B8")))
	sep := lipgloss.NewStyle().Foreground(c(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A")))
	return help.Styles{
		Ellipsis:       sep,
		ShortKey:       key,
		ShortDesc:      desc,
		ShortSeparator: sep,
		FullKey:        key,
		FullDesc:       desc,
		FullSeparator:  sep,
	}
}

// colour is the colour of what the screen says to do.
func (s Styles) colour(kind schedule.Kind, paused bool) color.Color {
	if paused {
		return s.Paused
	}
	switch kind {
	case schedule.Ice:
		return s.Ice
	case schedule.Heat:
		return s.Heat
	case schedule.Quiet:
		return s.Night
	case schedule.Done:
		return s.Done
	}
	return s.Rest
}
