package schedule

import "time"

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
