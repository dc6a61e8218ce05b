package timer

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"time"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/icetimer/icetimer/internal/safetext"
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
	quitting      bool
	fullHelp      bool
	readOnly      string
	hint          bool // the read-only line points to the driving process
	remote        bool // a read-only screen whose keys ask the driving process
	gone          bool
	notice        string
	waiting       bool // a reminder repeats until the ack key
	checkIn       bool // a pain score is asked for
	advice        string
	dark          bool // the styles changed
	asking        bool // the went-on question is asked
	typed         string
}

// refresh reads the course at now and redraws the frame if anything visible
// changed.
func (m *Model) refresh(now time.Time) {
	if !now.Before(m.bannerUntil) {
		m.banner = ""
	}
	if !now.Before(m.adviceUntil) {
		m.advice, m.offerNext = "", false
	}
	var f facts
	if !m.gone {
		f = m.facts(now)
	}
	next := screen{facts: f, width: m.width, height: m.height, banner: m.banner,
		problem: safetext.Safe(m.problem), confirming: m.confirming, quitting: m.quitting, fullHelp: m.help.ShowAll,
		readOnly: safetext.Safe(m.cfg.ReadOnly), remote: m.cfg.Remote != nil, hint: now.Before(m.hintUntil), gone: m.gone, notice: safetext.Safe(m.cfg.Notice), dark: m.dark,
		asking: m.asking, typed: m.typed, waiting: m.waiting, checkIn: m.checkIn, advice: m.advice}
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
		remaining: shownLeft(s.Remaining),
		next:      m.slow.next,
		stage:     m.slow.stage,
		today:     m.slow.today,
		course:    m.slow.course,
		prepare:   m.slow.prepare,
		summary:   m.slow.summary,
	}
	if !s.Current.End.IsZero() {
		f.endsAt = words.Clock(s.Current.End.In(now.Location()))
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
	// big marks the headline and the digits, whose size the layout chooses.
	big bool
}

// draw lays the screen out for its window: the largest digits and headline
// that leave room for the important lines, then as many of the other lines
// as fit, most important first. The lines come back centred but for the
// detail line, which is detailMark (absent when it did not fit), and the
// digits' scale.
func (m Model) draw(s screen) ([]string, int) {
	helpView := m.helpView(s)
	room := s.height - lipgloss.Height(helpView)
	digits, word := m.scales(s, room)
	body := fitBlocks(m.blocks(s, digits, word), room)
	var lines []string
	for _, b := range body {
		lines = append(lines, b.lines...)
	}
	// The body sits in the middle of the room above the help.
	pad := make([]string, max(room-len(lines), 0)/2)
	lines = append(pad, lines...)
	for len(lines) < room {
		lines = append(lines, "")
	}
	lines = append(lines, strings.Split(helpView, "\n")...)
	for i, l := range lines {
		if m.font == bigtext.ASCII {
			l = toASCII.Replace(l)
		}
		if l != detailMark {
			lines[i] = m.center(l, s.width)
		}
	}
	return lines, digits
}

// fitting is one way of sharing the room between the big text and the
// other lines: the blocks up to keep drop stay, and the headline's scale is
// at least the digits' divided by wordDiv (0: at least 1; -1: a badge will
// do).
type fitting struct{ keep, wordDiv int }

// fittings are tried in turn until one fits: everything with a headline
// about a third of the digits, then a smaller headline, then fewer lines.
var fittings = []fitting{{9, 3}, {9, 0}, {5, 0}, {5, -1}, {1, -1}}

// scales chooses the digits' and the headline's scale (0: plain text) for
// room lines: the largest digits, then the largest headline up to half
// their scale (so a headline in blocks needs digits twice its size), that the first fitting that fits at all allows. Only heights
// are measured, so trying every scale costs little.
func (m Model) scales(s screen, room int) (digits, word int) {
	if s.gone {
		return 0, 0
	}
	blocks := m.blocks(s, 0, 0)
	f := m.font
	head := words.Headline(s.kind, s.paused)
	text := words.Span(s.remaining)
	for _, fit := range fittings {
		free := room
		for _, b := range blocks {
			if !b.big && b.drop <= fit.keep {
				free -= len(b.lines)
			}
		}
		if s.kind == schedule.Done {
			// No digits: the headline alone, up to half the room.
			for w := free / 2; w >= 1; w-- {
				if f.Height(w) <= free/2 && f.Width(head, w) <= s.width-2 {
					return 0, w
				}
			}
			continue
		}
		for d := free; d >= 1; d-- {
			if f.Width(text, d) > s.width-2 {
				continue
			}
			least := 0
			switch {
			case fit.wordDiv > 0:
				least = max((d+fit.wordDiv-1)/fit.wordDiv, 1)
			case fit.wordDiv == 0:
				least = 1
			}
			for w := d / 2; w >= least; w-- {
				if (w == 0 || f.Width(head, w) <= s.width-2) && f.Height(d)+f.Height(w)*min(w, 1) <= free {
					return d, w
				}
			}
		}
	}
	return 0, 0
}

// center cuts line to width and pads it with spaces to width, centred, the
// odd space on the right. (lipgloss.PlaceHorizontal does the same but
// measures every space it writes: 40 % of a redraw's time.)
func (m Model) center(line string, width int) string {
	w := ansi.StringWidth(line)
	if w > width {
		line = ansi.Truncate(line, width, m.ellipsis())
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

// blocks are the screen's parts in order, with the time in digits of scale
// digits and the headline at scale word (0: the headline is a badge, the
// time is the detail line alone).
func (m Model) blocks(s screen, digits, word int) []block {
	st := m.styles
	colour := st.colour(s.kind, s.paused)
	gap := block{lines: []string{""}, drop: 9}
	var out []block
	add := func(drop int, lines ...string) {
		// A style renders empty text as bare escapes: nothing to show.
		if len(lines) > 0 && ansi.Strip(lines[0]) != "" {
			out = append(out, block{lines: lines, drop: drop})
		}
	}
	addBig := func(text string) {
		out = append(out, block{lines: strings.Split(text, "\n"), big: true})
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
	// The badge is the full-width colour bar, readable from anywhere; with
	// the headline in big letters above it, it carries the action too.
	head := words.Headline(s.kind, s.paused)
	act := words.Action(s.kind, s.paused)
	if s.paused && s.readOnly == "" {
		act += " Space resumes."
	}
	badge := head
	if word > 0 {
		addBig(st.Digits.Foreground(colour).Render(m.font.Render(head, word)))
		badge += m.dot() + act
	}
	add(0, st.Badge.Foreground(colour).Width(s.width).Render(m.center(badge, s.width)))
	if word == 0 {
		add(3, st.Action.Render(act))
	}
	out = append(out, gap)

	if s.kind != schedule.Done {
		if digits == 0 {
			add(0, detailMark)
		} else {
			addBig(st.Digits.Foreground(colour).Render(m.font.Render(words.Span(s.remaining), digits)))
			add(1, detailMark)
		}
		add(2, m.bar(s, colour))
	}
	out = append(out, gap)
	add(1, st.Action.Render(s.summary))
	add(4, st.Action.Render(s.prepare))
	add(5, st.Info.Render(s.next))
	add(6, st.Info.Render(s.course))
	add(6, st.Info.Render(s.stage))
	add(7, st.Info.Render(s.today))
	out = append(out, gap)
	add(4, st.Safety.Render(words.Safety(s.kind, s.width-2)))
	if s.advice != "" {
		add(3, m.wrap(st.Action, s.advice, s.width)...)
	}
	if s.notice != "" {
		add(8, m.wrap(st.Info, s.notice, s.width)...)
	}
	return append(out, m.problemBlocks(s)...)
}

// bar is the phase's progress in colour.
func (m Model) bar(s screen, colour color.Color) string {
	full, empty := progress.DefaultFullCharFullBlock, progress.DefaultEmptyCharBlock
	if m.font == bigtext.ASCII {
		full, empty = '#', '-'
	}
	bar := progress.New(progress.WithWidth(barWidth(s.width)), progress.WithoutPercentage(),
		progress.WithColors(colour), progress.WithFillCharacters(full, empty))
	bar.EmptyColor = m.styles.BarEmpty
	return bar.ViewAs(s.progress)
}

// problemBlocks is the question asked, or the check-in and the line about
// a problem.
func (m Model) problemBlocks(s screen) []block {
	switch {
	case s.quitting:
		return []block{{lines: m.wrap(m.styles.Problem, words.QuitQuestion, s.width)}}
	case s.confirming:
		return []block{{lines: []string{m.styles.Problem.Render(words.StopQuestion)}}}
	case s.asking:
		return []block{{lines: m.wrap(m.styles.Problem, words.WentOnPrompt(s.typed), s.width)}}
	}
	var out []block
	if s.checkIn {
		out = append(out, block{lines: m.wrap(m.styles.Problem, words.PainPrompt, s.width), drop: 2})
	}
	if s.problem != "" {
		out = append(out, block{lines: m.wrap(m.styles.Problem, "! "+s.problem, s.width), drop: 1})
	}
	return out
}

// detailLine is the time left, as the big digits show it, and when the
// phase ends.
func detailLine(f facts) string {
	switch {
	case f.kind == schedule.Done:
		return ""
	case f.paused && f.kind != schedule.Quiet:
		return words.Span(f.remaining) + " left, paused"
	}
	return fmt.Sprintf("%s left, until %s", words.Span(f.remaining), f.endsAt)
}

func (m Model) helpView(s screen) string {
	if s.quitting {
		return m.help.View(quitKeys{m.keys})
	}
	if s.confirming {
		return m.help.View(confirmKeys{m.keys})
	}
	return m.help.View(m.keys.withChanges((s.readOnly == "" || s.remote) && !s.gone && s.kind != schedule.Done, s.waiting).forScreen(s))
}

// tooSmall says what to do now and that the window is too small, rather than
// drawing a garbled screen.
func (m Model) tooSmall(s screen) string {
	lines := []string{
		words.Headline(s.kind, s.paused) + " " + words.Span(s.remaining),
		fmt.Sprintf("too small: %dx%d, need %dx%d", s.width, s.height, MinWidth, MinHeight),
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, s.width, m.ellipsis())
	}
	return strings.Join(lines[:min(len(lines), max(s.height, 0))], "\n")
}

// dot separates two parts of a line.
func (m Model) dot() string {
	if m.font == bigtext.ASCII {
		return " - "
	}
	return " · "
}

// toASCII spells the few non-ASCII characters the screen's words use in
// ASCII, for terminals that cannot show them.
var toASCII = strings.NewReplacer("·", "-", "…", "...", "×", "x", "‹", "<", "›", ">", "↑", "^", "↓", "v", "←", "<", "→", ">")

// ellipsis marks a line cut to fit.
func (m Model) ellipsis() string {
	if m.font == bigtext.ASCII {
		return "..."
	}
	return "…"
}

// wrap is text in style, wrapped to fit width (less a margin), one string a
// line: errors and questions are read whole, never cut.
func (m Model) wrap(style lipgloss.Style, text string, width int) []string {
	return strings.Split(style.Width(max(width-2, 1)).Align(lipgloss.Center).Render(text), "\n")
}
