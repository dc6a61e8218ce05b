package timer

import (
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// plan is how a window's rows are shared out: the scale of the digits and
// of the headline, and the rows kept for what comes and goes (a banner, a
// question, the check-in, a problem). It depends on the window and on what
// stays all along (the read-only line, the help), never on what comes and
// goes, so the digits keep their size and their place when a banner comes
// up or a question is asked: those take the kept rows, then the small
// lines' rows.
type plan struct {
	// digits is the digits' scale; 0 when the time is the detail line alone.
	digits int
	// word is the headline's scale; 0 when the badge says it, with the
	// action on a row of its own.
	word int
	// headRows is the rows the headline's scale takes, kept whatever the
	// headline of the moment ("PUT HEAT ON" is drawn smaller than "REST").
	headRows int
	keep     reserve
	// spare is the rows left once all of the above is laid out: half go
	// above, to centre the screen, half to the small lines.
	spare int
}

// reserve is what a plan keeps rows for besides the big text.
type reserve struct {
	// banner is a row at the top for the banner telling of a change.
	banner int
	// message is rows above the help for a question, the check-in, a
	// problem or advice; a longer one takes the small lines' rows.
	message int
	// small is the first small lines: the safety line and the next change.
	small int
	// gap is a blank row between the badge and the digits.
	gap int
}

// reserves are tried from the most kept to none, each first with the
// headline in big letters and then as the badge alone; the first that
// leaves the digits minDigits or more is taken. The last keeps two rows
// for messages and none for the banner, which then goes first among the
// small lines: at 40x12 a problem of two rows is likelier than a banner
// and a question at once. Without any, the banner and the questions take
// rows from the digits.
var reserves = []reserve{{1, 2, 2, 1}, {1, 1, 1, 0}, {0, 2, 0, 0}}

// minDigits is the smallest scale of digits (5 rows) a plan keeps rows for
// the rest with; below it the digits come first.
const minDigits = 2

// planFor is the plan for s in room rows (the help's excluded), the digits
// at most scale most.
func (m Model) planFor(s screen, room, most int) plan {
	fixed := len(m.readOnlyLines(s)) + 1 // the badge
	if s.kind != schedule.Done {
		fixed += 2 // the detail line and the bar
	}
	var best plan
	for _, r := range append(reserves, reserve{}) {
		for _, big := range []bool{true, false} {
			p, ok := m.fit(s, room-fixed, r, big, most)
			switch {
			case !ok:
			case p.digits >= minDigits || s.kind == schedule.Done && p.word > 0:
				return p
			case p.digits > best.digits:
				best = p
			}
		}
	}
	best.spare = max(best.spare, 0)
	return best
}

// fit is the largest digits (then headline) that free rows hold once r is
// kept: with the headline in big letters at about half the digits' scale
// (big), or as the badge with the action on a row under it. ok is false
// when not even the smallest do.
func (m Model) fit(s screen, free int, r reserve, big bool, most int) (p plan, ok bool) {
	free -= r.banner + r.message + r.small + r.gap
	f := m.font
	if s.kind == schedule.Done {
		// No digits: the headline alone, up to half the room.
		for w := free / 2; big && w >= 1; w-- {
			if f.Height(w) <= free/2 && m.headlineScale(s, w) == w {
				return plan{word: w, headRows: f.Height(w), keep: r, spare: free - f.Height(w)}, true
			}
		}
		return plan{keep: r, spare: free - 1}, !big && free >= 1
	}
	shape := digitsShape(s.remaining)
	for d := min(most, free); d >= 1; d-- {
		if f.Width(shape, d) > s.width-2 {
			continue
		}
		if !big {
			if need := f.Height(d) + 1; need <= free {
				return plan{digits: d, keep: r, spare: free - need}, true
			}
			continue
		}
		w := (d + 1) / 2
		if need := f.Height(d) + f.Height(w); need <= free {
			return plan{digits: d, word: m.headlineScale(s, w), headRows: f.Height(w), keep: r, spare: free - need}, true
		}
	}
	return plan{}, false
}

// headlineScale is the largest scale up to most at which the headline of
// the moment fits the width; 0 when none does.
func (m Model) headlineScale(s screen, most int) int {
	head := s.headline()
	for w := most; w >= 1; w-- {
		if m.font.Width(head, w) <= s.width-2 {
			return w
		}
	}
	return 0
}

// digitsShape is the big time left with every digit a 0: all digits are
// as wide, so the digits' scale, chosen for the shape, holds from "15 min"
// to "9 min".
func digitsShape(left time.Duration) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '0'
		}
		return r
	}, words.BigLeft(left))
}
