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
	// do; they tint the badge, the digits and the progress bar.
	Ice, Heat, Rest, Night, Done, Paused color.Color
	// Badge is the full-width bar naming what to do now (drawn reversed in the
	// phase's colour).
	Badge lipgloss.Style
	// Digits is the remaining time.
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
	// Problem is the line for errors coming back (saving failed, ...) and the
	// stop question.
	Problem lipgloss.Style
	// ReadOnly is the line saying which process drives a course shown
	// read-only.
	ReadOnly lipgloss.Style
	// BarEmpty is the colour of the progress bar's unused part.
	BarEmpty color.Color
	Help     help.Styles
}

// DefaultStyles suit dark and light terminals alike.
func DefaultStyles() Styles {
	return Styles{
		Ice:      lipgloss.Color("#3FA9F5"),
		Heat:     lipgloss.Color("#F26B38"),
		Rest:     lipgloss.Color("#8A9A5B"),
		Night:    lipgloss.Color("#7E6BC4"),
		Done:     lipgloss.Color("#3BA55C"),
		Paused:   lipgloss.Color("#E0B000"),
		Badge:    lipgloss.NewStyle().Bold(true).Reverse(true).Align(lipgloss.Center),
		Digits:   lipgloss.NewStyle().Bold(true),
		Action:   lipgloss.NewStyle().Bold(true),
		Detail:   lipgloss.NewStyle(),
		Info:     lipgloss.NewStyle(),
		Safety:   lipgloss.NewStyle().Italic(true),
		Banner:   lipgloss.NewStyle().Bold(true).Reverse(true),
		Problem:  lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#E5484D")),
		ReadOnly: lipgloss.NewStyle().Bold(true),
		BarEmpty: lipgloss.Color("#606060"),
		Help:     help.DefaultStyles(true),
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
