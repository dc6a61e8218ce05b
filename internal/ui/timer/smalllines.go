package timer

import (
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/words"
)

// The rows under the bar: the small lines, which give way in a fixed
// order, and the messages at the foot, which take the rows the plan keeps
// for them and then the small lines' rows.

// fill is top, then as many of the small lines as fit (by rank, shown in
// their order), then the messages at the foot (each question short when it
// takes more than rows rows in full), in room rows; ok is false when the
// messages do not fit under top, the lines then cut to room.
func (m Model) fill(s screen, top []string, room, rows int, small ...smallLine) (lines []string, ok bool) {
	msgs := m.messageLines(s, rows)
	free := room - len(top) - len(msgs)
	if free < 0 {
		return append(top, msgs...)[:room], false
	}
	kept := keepSmall(small, free)
	extra := free
	for _, l := range kept {
		extra -= len(l.lines)
	}
	lines = top
	if extra > 0 && len(kept) > 0 {
		lines = append(lines, "") // a gap under the bar
		extra--
	}
	for i, l := range kept {
		if l.rank == rankSafety && i > 0 && extra > 0 {
			lines = append(lines, "") // the safety line apart
			extra--
		}
		lines = append(lines, l.lines...)
	}
	lines = append(lines, make([]string, extra)...)
	return append(lines, msgs...), true
}

// smallLine is a line (or a few, wrapped) under the bar, shown whole or
// not at all; the lowest ranks stay longest.
type smallLine struct {
	lines []string
	rank  int
}

// The small lines' ranks: the order in which they give way, the last
// first.
const (
	rankBanner = iota // only where the plan keeps no row for it
	rankSafety
	rankNext
	rankNotice
	rankPrepare
	rankStage
	rankToday
	rankCourse
)

// smallLines are the lines under the bar, in the order they are shown.
func (m Model) smallLines(s screen, banner string) []smallLine {
	st := m.styles
	var out []smallLine
	add := func(rank int, lines ...string) {
		// A style renders empty text as bare escapes: nothing to show.
		if len(lines) > 0 && ansi.Strip(lines[0]) != "" {
			out = append(out, smallLine{lines: lines, rank: rank})
		}
	}
	add(rankBanner, banner)
	add(rankNext, st.Action.Render(s.summary))
	add(rankPrepare, st.Action.Render(s.prepare))
	add(rankNext, st.Info.Render(s.next))
	add(rankCourse, st.Info.Render(s.course))
	add(rankStage, st.Info.Render(s.stage))
	add(rankToday, st.Info.Render(s.today))
	if s.notice != "" {
		add(rankNotice, m.wrap(st.Info, s.notice, s.width)...)
	}
	add(rankSafety, st.Safety.Render(words.Safety(s.kind, s.width-2)))
	return out
}

// keepSmall is the small lines that fit in free rows, lowest ranks first,
// in their order.
func keepSmall(small []smallLine, free int) []smallLine {
	keep := make([]bool, len(small))
	for rank := rankBanner; rank <= rankCourse; rank++ {
		for i, l := range small {
			if l.rank == rank && len(l.lines) <= free {
				keep[i] = true
				free -= len(l.lines)
			}
		}
	}
	var kept []smallLine
	for i, l := range small {
		if keep[i] {
			kept = append(kept, l)
		}
	}
	return kept
}
