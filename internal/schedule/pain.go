package schedule

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"
)

// The pain scale (PROTOCOLS.md section 8): the 0-10 numeric rating scale,
// 0 no pain, 10 the worst imaginable.
const (
	MinPain = 0
	MaxPain = 10
)

// PainScore is one pain check-in: how bad the pain was at an instant, and
// what the person wished to say about it.
//
// Scores are kept apart from Events on purpose: an event is an instruction
// the engine replays in order, and one recorded late (pain --at an earlier
// time) would be read as happening after the events before it. A score
// changes no timing, may be given for an earlier instant, and carries a
// score and a note that no event has.
type PainScore struct {
	At    time.Time
	Score int
	// Note is the person's own words, or "".
	Note string
}

// LastPain is the course's latest check-in by instant, if any.
func (c Course) LastPain() (PainScore, bool) {
	var last PainScore
	found := false
	for _, p := range c.Pain {
		if !found || !p.At.Before(last.At) {
			last, found = p, true
		}
	}
	return last, found
}

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
	case score < MinPain || score > MaxPain:
		return fmt.Errorf("pain %d is off the scale: want a whole number from %d (none) to %d (worst imaginable)", score, MinPain, MaxPain)
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

// pain records a's check-in at now: its score and note checked, its
// instant within the course, up to now. A score is taken until half an
// hour after the course ends, as the last removal's reminder waits that
// long: the check-in after the last application belongs to the course.
func (c Course) pain(a Action, st State, now time.Time) (Course, error) {
	if err := CheckPain(a.Score, a.Note); err != nil {
		return c, refuse(ErrBadInput, "%v", err)
	}
	switch {
	case now.Before(c.Start):
		return c, refuse(ErrOutsideCourse, "the course starts at %s: a pain score is taken from then", clockNear(c.Start, now))
	case st.Done && now.Sub(st.Current.Start) > endWaitsFor:
		return c, refuse(ErrOutsideCourse, "the course ended at %s: a pain score is taken until %s after it ends", clockNear(st.Current.Start, now), spoken(endWaitsFor))
	}
	at := EventInstant(now)
	if !a.At.IsZero() {
		t := EventInstant(a.At)
		if t.Before(c.Start) || t.After(at) {
			return c, refuse(ErrBadInput, "pain at %s: want a time within the course, from %s to now", clockNear(t, now), clockNear(c.Start, now))
		}
		at = t
	}
	c.Pain = append(c.Pain[:len(c.Pain):len(c.Pain)], PainScore{At: at, Score: a.Score, Note: a.Note})
	// A score given now says the person is there, the pack off: it
	// answers a removal that waits. Not a put-on's "is it on?": that
	// answer counts the phase from now, which a score does not say.
	if t, waits := c.Waiting(now); a.At.IsZero() && waits && t.TakesPackOff() {
		if acked, err := c.Do(Action{Verb: VerbAck}, now); err == nil {
			c = acked
		}
	}
	return c, nil
}
