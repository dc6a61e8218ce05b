package timer

import (
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/report"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// facts is what the screen shows, reduced to what is visible: two equal
// facts draw the same frame, so the screen is drawn only when they differ.
type facts struct {
	kind      schedule.Kind
	paused    bool
	remaining time.Duration // rounded up as shown (shownLeft)
	endsAt    string        // the current segment's planned end, HH:MM
	progress  float64       // of the phase, 0 to 1, in steps of the bar's cells
	next      string        // the next two changes with their clock times
	stage     string
	today     string
	course    string // the course's name and hour
	prepare   string // during a rest, what to get ready for the next pack
	summary   string // once done, how the course went
	// waitHead and waitAct are what the screen says while a change waits
	// for the person to press a ("ICE OFF", "Take the ice pack off now,
	// then press a"); putOn says that change puts a pack on.
	waitHead string
	waitAct  words.Said
	putOn    bool
	// skinCheck says the skin check waits for k or n.
	skinCheck bool
}

// headline is what to do now, in a word or two: the change that waits for
// the person, else what the course is doing.
func (f facts) headline() string {
	if f.waitHead != "" {
		return f.waitHead
	}
	return words.Headline(f.kind, f.paused)
}

// slowFacts are the facts that change only at a transition, an event, a
// new day or (while paused) a new minute; they are kept between ticks.
type slowFacts struct {
	key     slowKey
	next    string
	stage   string
	today   string
	course  string
	prepare string
	summary string
}

type slowKey struct {
	segmentStart int64
	kind         schedule.Kind
	events       int
	day          int
	hour         int64 // of the course, for its progress
	pausedMinute int64
}

func keyFor(c schedule.Course, s schedule.State) slowKey {
	k := slowKey{segmentStart: s.Current.Start.Unix(), kind: s.Current.Kind, events: len(c.Events), day: s.Now.YearDay(),
		hour: int64(s.Now.Sub(c.Start) / time.Hour)}
	if s.Paused {
		k.pausedMinute = s.Now.Unix() / 60
	}
	return k
}

// computeSlow answers the slow facts for state s of course c, after the
// courses in history; local is the
// location whose midnight starts "today".
func computeSlow(c schedule.Course, history []store.Record, s schedule.State, local *time.Location) slowFacts {
	f := slowFacts{key: keyFor(c, s)}
	if s.Done {
		f.summary = summary(c, s, local)
		return f
	}
	f.course = courseProgress(c, s)
	f.prepare = prepare(c, s, local)
	f.next = "next"
	for i, t := range c.Upcoming(s.Now, 2) {
		sep := " "
		if i > 0 {
			sep = ", "
		}
		f.next += sep + words.Clock(t.At.In(local)) + " " + words.KindName(t.To.Kind)
	}
	f.stage = stageLine(c.Protocol, s, local)

	day := report.Today(history, c, s.Now, local)
	f.today = fmt.Sprintf("today: ice %d, heat %d", day.Ice.Count, day.Heat.Count)
	return f
}

// stageLine is "ice until Sun 08:00, then heat".
func stageLine(p schedule.Protocol, s schedule.State, local *time.Location) string {
	main := stageKinds(p.Stages[s.Current.Stage].Cycle)
	if s.StageEnds.IsZero() {
		return main + " until you stop"
	}
	then := "then done"
	if next := p.MainKind(s.Current.Stage + 1); next != schedule.Done {
		then = "then " + string(next)
	}
	return main + " until " + s.StageEnds.In(local).Format("Mon ") + words.Clock(s.StageEnds.In(local)) + ", " + then
}

// courseProgress is the course's name and the hour it is in: "Ice 20 on,
// 20 off · hour 30 of 72", counted from its start; "of" the first stage's
// window while that stage runs.
func courseProgress(c schedule.Course, s schedule.State) string {
	name := words.CustomName
	if p, ok := schedule.PresetByID(c.Preset); ok {
		name = p.Name
	}
	of := 0
	if w := c.Protocol.Stages[0].Window; s.Current.Stage == 0 && w > 0 {
		of = int(w / time.Hour)
	}
	return words.CourseProgress(name, int(s.Now.Sub(c.Start)/time.Hour)+1, of)
}

// prepare is, during a rest, what to get ready for the next pack and when.
func prepare(c schedule.Course, s schedule.State, local *time.Location) string {
	if s.Current.Kind != schedule.Rest || s.Paused {
		return ""
	}
	for _, t := range c.Upcoming(s.Now, 3) {
		if t.To.Kind.IsOn() {
			return words.Prepare(t.To.Kind, words.Clock(t.At.In(local)))
		}
		if t.To.Kind == schedule.Quiet {
			return ""
		}
	}
	return ""
}

// summary is how the course went, from its segments up to its end.
func summary(c schedule.Course, s schedule.State, local *time.Location) string {
	end := s.Current.Start
	var ice, heat int
	var onIce, onHeat time.Duration
	// A second past the end, so that the last phase has its actual end (the
	// last segment of a span has its planned one) and Done closes the list.
	for _, seg := range c.Segments(c.Start, end.Add(time.Second)) {
		on := seg.End.Sub(seg.Start) - seg.Paused
		switch seg.Kind {
		case schedule.Ice:
			ice++
			onIce += on
		case schedule.Heat:
			heat++
			onHeat += on
		}
	}
	return words.Summary(s.Current.Cause == schedule.CauseStop, words.Clock(end.In(local)), ice, heat, onIce, onHeat)
}

// shownLeft is a remaining time as the screen shows it (words.Span): up to
// the second in the last minute, else up to the minute. Rounded up, the
// display reaches 0 s at the instant of the change, not a second before;
// to the minute, the frame changes once a minute, not every second (the
// renderer then draws nothing at the ticks between, bench/idle.sh).
func shownLeft(d time.Duration) time.Duration {
	if s := (d + time.Second - 1).Truncate(time.Second); s < time.Minute {
		return s
	}
	return (d + time.Minute - 1).Truncate(time.Minute)
}

// stageKinds names what a stage's packs are: "ice", "heat", or "ice and
// heat" for a cycle that alternates them.
func stageKinds(c schedule.Cycle) string {
	var ice, heat bool
	for _, ph := range c {
		ice = ice || ph.Kind == schedule.Ice
		heat = heat || ph.Kind == schedule.Heat
	}
	switch {
	case ice && heat:
		return "ice and heat"
	case heat:
		return "heat"
	}
	return "ice"
}
