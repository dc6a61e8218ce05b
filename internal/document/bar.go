package document

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// The status bars' formats of `icetimer status --format` (CLI.md, third
// version): waybar's JSON and i3blocks' three lines.

// Waybar is one update of a waybar custom module ("return-type": "json").
type Waybar struct {
	Text    string `json:"text"`
	Tooltip string `json:"tooltip"`
	// Class is one of ice, heat, rest, night, paused, done, or alert while
	// a reminder waits for `icetimer ack`.
	Class string `json:"class"`
	// Percentage is how far the phase has run, 0 to 100.
	Percentage int `json:"percentage"`
}

// WaybarOf is course c at st, for waybar.
func WaybarOf(c schedule.Course, st schedule.State) Waybar {
	return Waybar{Text: barText(st), Tooltip: words.Status(st), Class: barClass(c, st), Percentage: int(math.Round(st.Progress() * 100))}
}

// WriteWaybar writes c at st as one line of waybar's JSON.
func WriteWaybar(w io.Writer, c schedule.Course, st schedule.State) error {
	return json.NewEncoder(w).Encode(WaybarOf(c, st))
}

// barColours are i3blocks' colours for each class: readable on the dark
// bars most people use.
var barColours = map[string]string{
	"ice": "#5FAFFF", "heat": "#FF8700", "rest": "#87D787", "night": "#8A8A8A",
	"paused": "#FFD75F", "done": "#8A8A8A", "alert": "#FF5F5F",
}

// WriteI3blocks writes c at st as i3blocks reads a block: the full text,
// the short text and the colour, on three lines.
func WriteI3blocks(w io.Writer, c schedule.Course, st schedule.State) error {
	_, err := fmt.Fprintf(w, "%s\n%s\n%s\n", words.Status(st), barText(st), barColours[barClass(c, st)])
	return err
}

// barText is the few characters a bar shows: "ICE 12m", "PAUSED", "DONE".
func barText(st schedule.State) string {
	switch {
	case st.Done:
		return "DONE"
	case st.Paused:
		return "PAUSED"
	}
	return strings.ToUpper(words.KindName(st.Current.Kind)) + " " + barLeft(st.Remaining)
}

// barLeft is time left in a bar's few characters, rounded up as every
// countdown is: "45s", "12m", "1h05m".
func barLeft(d time.Duration) string {
	secs := words.SecondsLeft(d)
	mins := (secs + 59) / 60
	switch {
	case secs < 60:
		return fmt.Sprintf("%ds", secs)
	case mins < 60:
		return fmt.Sprintf("%dm", mins)
	}
	return fmt.Sprintf("%dh%02dm", mins/60, mins%60)
}

// barClass is the bar's class for c at st: alert while a reminder waits
// for an acknowledgement, else what the course is doing.
func barClass(c schedule.Course, st schedule.State) string {
	if _, waits := c.Waiting(st.Now); waits {
		return "alert"
	}
	switch {
	case st.Done:
		return "done"
	case st.Paused:
		return "paused"
	}
	return words.KindName(st.Current.Kind)
}
