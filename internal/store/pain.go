package store

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/icetimer/icetimer/internal/schedule"
)

// MaxNoteRunes bounds a pain check-in's note: a line for a clinician to
// read, not a diary (and a bound on what a hand-edited file can make the
// report print).
const MaxNoteRunes = 200

// CheckPain says what is wrong with a pain check-in, in words fit for the
// person who typed it, or nil: the score on the 0-10 scale, the note valid
// UTF-8, at most MaxNoteRunes characters, with no control characters (a
// terminal would act on them when the report is printed).
func CheckPain(score int, note string) error {
	switch {
	case score < schedule.MinPain || score > schedule.MaxPain:
		return fmt.Errorf("pain %d is off the scale: want a whole number from %d (none) to %d (worst imaginable)", score, schedule.MinPain, schedule.MaxPain)
	case !utf8.ValidString(note):
		return fmt.Errorf("the note is not valid UTF-8 text")
	case utf8.RuneCountInString(note) > MaxNoteRunes:
		return fmt.Errorf("the note has %d characters: at most %d", utf8.RuneCountInString(note), MaxNoteRunes)
	}
	for _, r := range note {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return fmt.Errorf("the note holds a control character (%U): one line of plain text only", r)
		}
	}
	return nil
}
