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
	problemSeen   bool // the problem was shown before: dim, on one row
	confirming    bool
	quitting      bool
	fullHelp      bool
	readOnly      string
	hint          bool // the read-only line points to the driving process
	remote        bool // a read-only screen whose keys ask the driving process
	gone          bool
	notice        string
	checkIn       bool // a pain score is asked for
	advice        string
	dark          bool // the styles changed
	asking        bool // the went-on question is asked
	typed         string
}

// action is the sentence under the headline, short when the full one is
// wider than width: the change that waits for the person, else what the
// course is doing (and, paused, the key that resumes it on a screen that
// drives the course).
func (s screen) action(width int) string {
	if s.waitHead != "" {
		if ansi.StringWidth(s.waitAct.Full) <= width {
			return s.waitAct.Full
		}
		return s.waitAct.Short
	}
	act := words.Action(s.kind, s.paused)
	if s.paused && s.readOnly == "" {
		act += " Space resumes."
	}
	return act
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
		problem: safetext.Safe(m.problem), problemSeen: m.problem != "" && m.problem == m.quietProblem, confirming: m.confirming, quitting: m.quitting, fullHelp: m.help.ShowAll,
		readOnly: safetext.Safe(m.cfg.ReadOnly), remote: m.cfg.Remote != nil, hint: now.Before(m.hintUntil), gone: m.gone, notice: safetext.Safe(m.cfg.Notice), dark: m.dark,
		asking: m.asking, typed: m.typed, checkIn: m.checkIn, advice: m.advice}
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
		skinCheck: !s.SkinCheck.IsZero(),
	}
	if !s.Current.End.IsZero() {
		f.endsAt = words.Clock(s.Current.End.In(now.Location()))
	}
	if t, waits := m.course.Waiting(now); waits {
		f.waitHead, f.waitAct = words.Waiting(t)
		f.putOn = !t.TakesPackOff()
	}
	if w := barWidth(m.width); w > 0 {
		f.progress = math.Round(s.Progress()*float64(w)) / float64(w)
	}
	return f
}

func barWidth(width int) int { return min(width-4, maxBarWidth) }

// draw lays the screen out for its window as its plan says (planFor):
// the digits and the headline at the plan's scales, the banner and the
// messages in the rows it keeps, then as many small lines as fit, most
// important first. The lines come back centred but for the detail line,
// which is detailMark, and the digits' scale.
func (m Model) draw(s screen) ([]string, int) {
	help := strings.Split(m.helpView(s), "\n")
	room := s.height - len(help)
	var lines []string
	digits := 0
	if s.gone {
		lines, _ = m.fill(s, m.goneRows(s), room, reserves[0].message)
	} else {
		// A message longer than the window can take from the small lines
		// costs the digits their size: the last resort.
		for most := room; ; {
			p := m.planFor(s, room, most)
			var ok bool
			lines, ok = m.rows(s, p, room)
			digits = p.digits
			if ok || p.digits == 0 {
				break
			}
			most = p.digits - 1
		}
	}
	lines = append(lines, help...)
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

// rows are the lines above the help for plan p in room rows; ok is false
// when the messages do not fit, the lines then cut to room.
func (m Model) rows(s screen, p plan, room int) (lines []string, ok bool) {
	st := m.styles
	colour := st.colour(s.kind, s.paused)
	word := colour
	if s.waitHead != "" {
		word = st.Alert
	}
	head, act := s.headline(), s.action(s.width)
	top := make([]string, p.spare/2, room)
	top = append(top, m.readOnlyLines(s)...)
	banner := ""
	if s.banner != "" {
		banner = st.Banner.Render(" " + s.banner + " ")
	}
	if p.keep.banner > 0 {
		top = append(top, banner)
		banner = "" // shown; else it goes first among the small lines
	}
	// The headline at the foot of the rows kept for it, the badge under
	// it; the action goes with the badge, or on a row of its own.
	var area []string
	if p.word > 0 {
		area = strings.Split(st.Digits.Foreground(word).Render(m.font.Render(head, p.word)), "\n")
		area = append(area, m.badge(word, m.badgeText(head, act, s.width), s.width))
	} else {
		area = append(area, m.badge(word, head, s.width), st.Action.Render(act))
	}
	top = append(top, make([]string, max(p.headRows+1-len(area), 0))...)
	top = append(top, area...)
	top = append(top, make([]string, p.keep.gap)...)
	if s.kind != schedule.Done {
		if p.digits > 0 {
			top = append(top, strings.Split(st.Digits.Foreground(colour).Render(m.font.Render(words.BigLeft(s.remaining), p.digits)), "\n")...)
		}
		top = append(top, detailMark, m.bar(s, colour))
	}
	return m.fill(s, top, room, max(p.keep.message, 1), m.smallLines(s, banner)...)
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

// goneRows are the top of a screen with no course to show.
func (m Model) goneRows(s screen) []string {
	st := m.styles
	lines := m.readOnlyLines(s)
	if s.banner != "" {
		lines = append(lines, st.Banner.Render(" "+s.banner+" "))
	}
	return append(lines, m.badge(st.Done, words.NoCourse, s.width), st.Action.Render(words.NoCourseSaved))
}

// readOnlyLines are the line naming the process that drives the course,
// wrapped: none on a screen that drives it.
func (m Model) readOnlyLines(s screen) []string {
	if s.readOnly == "" {
		return nil
	}
	return m.wrap(m.styles.ReadOnly, s.readOnly+".", s.width)
}

// badge is the full-width bar in colour saying text, readable from
// anywhere.
func (m Model) badge(colour color.Color, text string, width int) string {
	return m.styles.Badge.Foreground(colour).Width(width).Render(m.center(text, width))
}

// badgeText is what the badge says under a headline in big letters: the
// headline and the action when both fit, else the action alone (the
// headline is right above it).
func (m Model) badgeText(head, act string, width int) string {
	if both := head + m.dot() + act; ansi.StringWidth(both) <= width {
		return both
	}
	return act
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
	return m.help.View(m.keys.withChanges((s.readOnly == "" || s.remote) && !s.gone && s.kind != schedule.Done, s.waitHead != "").forScreen(s))
}

// tooSmall says what to do now and that the window is too small, rather than
// drawing a garbled screen.
func (m Model) tooSmall(s screen) string {
	lines := []string{
		s.headline() + " " + words.Span(s.remaining),
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
