package timer

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/icetimer/icetimer/internal/words"
)

// detailMark stands for the detail line in a layout's lines until the frame
// is put together.
const detailMark = "\x00detail"

// layout is the screen drawn but for its detail line ("24:59 left, until
// 09:20"), the one line that changes in most seconds. A tick that changes
// nothing else draws that line alone: laying out the whole screen again
// cost ten times as much, every second.
type layout struct {
	key layoutKey
	// above and below are the lines around the detail line, joined; when the
	// detail line did not fit, above is the whole frame.
	above, below string
	hasDetail    bool
	detailStyle  lipgloss.Style
}

// layoutKey is what a layout depends on: the screen with its remaining time
// cut to what the big digits show.
type layoutKey struct {
	screen
	bigTime string
}

// frame is the whole screen s, laid out again only when more than the
// detail line changed.
func (m *Model) frame(s screen) string {
	if s.width < MinWidth || s.height < MinHeight {
		return m.tooSmall(s)
	}
	key := layoutKey{screen: s, bigTime: words.BigLeft(s.remaining)}
	key.remaining = 0
	if key != m.layout.key {
		m.layout = m.lay(s)
		m.layout.key = key
	}
	l := m.layout
	if !l.hasDetail {
		return l.above
	}
	return l.above + m.center(l.detailStyle.Render(detailLine(s.facts)), s.width) + l.below
}

// lay draws s and splits it around its detail line.
func (m Model) lay(s screen) layout {
	lines, digits := m.draw(s)
	for i, line := range lines {
		if line != detailMark {
			continue
		}
		l := layout{hasDetail: true, detailStyle: m.styles.Detail}
		if digits == 0 {
			l.detailStyle = m.styles.Digits.Foreground(m.styles.colour(s.kind, s.paused))
		}
		if i > 0 {
			l.above = strings.Join(lines[:i], "\n") + "\n"
		}
		if i < len(lines)-1 {
			l.below = "\n" + strings.Join(lines[i+1:], "\n")
		}
		return l
	}
	return layout{above: strings.Join(lines, "\n")}
}
