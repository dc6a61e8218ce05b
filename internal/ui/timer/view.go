package timer

import (
	"fmt"
	"math"
	"strings"
	"time"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/ui/bigtext"
	"github.com/icetimer/icetimer/internal/words"
)

// The smallest window the screen is drawn in; a smaller one is told so.
const (
	MinWidth  = 40
	MinHeight = 12
)

// maxBarWidth keeps the progress bar a bar, not a horizon, on wide screens.
const maxBarWidth = 60

// screen is everything visible: the course's facts plus the screen's own
// state. The frame is drawn again only when it changes.
type screen struct {
	facts
	width, height int
	banner        string
	problem       string
	confirming    bool
	fullHelp      bool
	readOnly      string
	hint          bool // the read-only line points to the driving process
	gone          bool
	notice        string
}

// refresh reads the course at now and redraws the frame if anything visible
// changed.
func (m *Model) refresh(now time.Time) {
	if !now.Before(m.bannerUntil) {
		m.banner = ""
	}
	var f facts
	if !m.gone {
		f = m.facts(now)
	}
	next := screen{facts: f, width: m.width, height: m.height, banner: m.banner,
		problem: words.Safe(m.problem), confirming: m.confirming, fullHelp: m.help.ShowAll,
		readOnly: words.Safe(m.cfg.ReadOnly), hint: now.Before(m.hintUntil), gone: m.gone, notice: words.Safe(m.cfg.Notice)}
	if next == m.shownScreen && m.content != "" {
		return
	}
	m.shownScreen = next
	m.content = m.frame(next)
}

// facts reads the course at now.
func (m *Model) facts(now time.Time) facts {
	s := m.course.StateAt(now)
	if k := keyFor(m.course, s); k != m.slow.key {
		m.slow = computeSlow(m.course, m.cfg.History, s, now.Location())
	}
	f := facts{
		kind:      s.Current.Kind,
		paused:    s.Paused,
		remaining: ceilSecond(s.Remaining),
		next:      m.slow.next,
		stage:     m.slow.stage,
		today:     m.slow.today,
	}
	if !s.Current.End.IsZero() {
		f.endsAt = s.Current.End.In(now.Location()).Format("15:04")
	}
	if w := barWidth(m.width); w > 0 {
		f.progress = math.Round(s.Progress()*float64(w)) / float64(w)
	}
	return f
}

func barWidth(width int) int { return min(width-4, maxBarWidth) }

// block is a run of lines that is shown whole or not at all; when the window
// is short, blocks with a higher drop number go first.
type block struct {
	lines []string
	drop  int
}

// draw lays the screen out for its window: the largest digits that fit,
// then as many of the other lines as fit, most important first. The lines
// come back centred but for the detail line, which is detailMark (absent
// when it did not fit), and the digits' size.
func (m Model) draw(s screen) ([]string, bigtext.Size) {
	helpView := m.helpView(s)
	room := s.height - lipgloss.Height(helpView)
	var body []block
	size := bigtext.Large
	for _, size = range bigtext.Sizes {
		if s.kind != schedule.Done && bigtext.Width(bigTime(s.remaining), size) > s.width-2 {
			continue
		}
		if body = fitBlocks(m.blocks(s, size), room); body != nil {
			break
		}
	}
	var lines []string
	for _, b := range body {
		lines = append(lines, b.lines...)
	}
	// The body sits in the middle of the room above the help.
	pad := make([]string, (room-len(lines))/2)
	lines = append(pad, lines...)
	for len(lines) < room {
		lines = append(lines, "")
	}
	lines = append(lines, strings.Split(helpView, "\n")...)
	for i, l := range lines {
		if l != detailMark {
			lines[i] = center(l, s.width)
		}
	}
	return lines, size
}

// center cuts line to width and pads it with spaces to width, centred, the
// odd space on the right. (lipgloss.PlaceHorizontal does the same but
// measures every space it writes: 40 % of a redraw's time.)
func center(line string, width int) string {
	w := ansi.StringWidth(line)
	if w > width {
		line = ansi.Truncate(line, width, "…")
		w = ansi.StringWidth(line)
	}
	gap := max(width-w, 0)
	return strings.Repeat(" ", gap/2) + line + strings.Repeat(" ", gap-gap/2)
}

// fitBlocks drops blocks, highest drop number first, until they fit in room
// lines; nil when even the essential ones (drop 0 and 1) do not fit.
func fitBlocks(blocks []block, room int) []block {
	for worst := 9; worst >= 1; worst-- {
		total := 0
		var kept []block
		for _, b := range blocks {
			if b.drop <= worst {
				kept = append(kept, b)
				total += len(b.lines)
			}
		}
		if total <= room {
			return kept
		}
	}
	return nil
}

// blocks are the screen's parts in order, with the time in digits of size.
func (m Model) blocks(s screen, size bigtext.Size) []block {
	st := m.styles
	colour := st.colour(s.kind, s.paused)
	gap := block{lines: []string{""}, drop: 9}
	var out []block
	add := func(drop int, lines ...string) {
		if len(lines) > 0 && lines[0] != "" {
			out = append(out, block{lines: lines, drop: drop})
		}
	}
	if s.readOnly != "" {
		add(0, st.ReadOnly.Render(s.readOnly+"."))
	}
	if s.hint {
		add(1, st.Problem.Render("Change the course there; this view only follows it."))
	}
	if s.gone {
		add(0, st.Badge.Foreground(st.Done).Width(s.width).Render("NO COURSE"))
		add(1, st.Action.Render("No course is saved: it was stopped, or none has started yet."))
		return append(out, m.problemBlocks(s)...)
	}
	if s.banner != "" {
		add(1, st.Banner.Render(" "+s.banner+" "))
	}
	add(0, st.Badge.Foreground(colour).Width(s.width).Render(words.Headline(s.kind, s.paused)))
	act := words.Action(s.kind, s.paused)
	if s.paused && s.readOnly == "" {
		act += " Space resumes."
	}
	add(3, st.Action.Render(act))
	out = append(out, gap)

	if s.kind != schedule.Done {
		if size == bigtext.Plain {
			add(0, detailMark)
		} else {
			add(0, strings.Split(st.Digits.Foreground(colour).Render(bigtext.Render(bigTime(s.remaining), size)), "\n")...)
			add(1, detailMark)
		}
		bar := progress.New(progress.WithWidth(barWidth(s.width)), progress.WithoutPercentage(),
			progress.WithColors(colour), progress.WithFillCharacters(progress.DefaultFullCharFullBlock, progress.DefaultEmptyCharBlock))
		bar.EmptyColor = st.BarEmpty
		add(2, bar.ViewAs(s.progress))
	}
	out = append(out, gap)
	add(5, st.Info.Render(s.next))
	add(6, st.Info.Render(s.stage))
	add(7, st.Info.Render(s.today))
	out = append(out, gap)
	add(4, st.Safety.Render(words.Safety(s.kind, s.width-2)))
	if s.notice != "" {
		add(8, strings.Split(st.Info.Width(s.width-2).Align(lipgloss.Center).Render(s.notice), "\n")...)
	}
	return append(out, m.problemBlocks(s)...)
}

// problemBlocks is the stop question or the line about a problem.
func (m Model) problemBlocks(s screen) []block {
	switch {
	case s.confirming:
		return []block{{lines: []string{m.styles.Problem.Render("Stop the course? y stops it, n keeps going.")}}}
	case s.problem != "":
		return []block{{lines: []string{m.styles.Problem.Render("! " + s.problem)}, drop: 1}}
	}
	return nil
}

// detailLine is the exact remaining time and when the phase ends.
func detailLine(f facts) string {
	switch {
	case f.kind == schedule.Done:
		return ""
	case f.paused && f.kind != schedule.Quiet:
		return schedule.FormatCountdown(f.remaining) + " left, paused"
	}
	return fmt.Sprintf("%s left, until %s", schedule.FormatCountdown(f.remaining), f.endsAt)
}

func (m Model) helpView(s screen) string {
	if s.confirming {
		return m.help.View(confirmKeys{m.keys})
	}
	return m.help.View(m.keys.withChanges(s.readOnly == "" && !s.gone && s.kind != schedule.Done))
}

// tooSmall says what to do now and that the window is too small, rather than
// drawing a garbled screen.
func (m Model) tooSmall(s screen) string {
	lines := []string{
		words.Headline(s.kind, s.paused) + " " + schedule.FormatCountdown(s.remaining),
		fmt.Sprintf("too small: %dx%d, need %dx%d", s.width, s.height, MinWidth, MinHeight),
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, s.width, "…")
	}
	return strings.Join(lines[:min(len(lines), max(s.height, 0))], "\n")
}
