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
	remaining time.Duration // rounded up to the second
	endsAt    string        // the current segment's planned end, HH:MM
	progress  float64       // of the phase, 0 to 1, in steps of the bar's cells
	next      string        // the next two changes with their clock times
	stage     string
	today     string
}

// slowFacts are the facts that change only at a transition, an event, a
// new day or (while paused) a new minute; they are kept between ticks.
type slowFacts struct {
	key   slowKey
	next  string
	stage string
	today string
}

type slowKey struct {
	segmentStart int64
	kind         schedule.Kind
	events       int
	day          int
	pausedMinute int64
}

func keyFor(c schedule.Course, s schedule.State) slowKey {
	k := slowKey{segmentStart: s.Current.Start.Unix(), kind: s.Current.Kind, events: len(c.Events), day: s.Now.YearDay()}
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
		return f
	}
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
	return main + " until " + s.StageEnds.In(local).Format("Mon 15:04") + ", " + then
}

// ceilSecond rounds a remaining time up to the second, so the display reaches
// 0:00 at the instant of the change, not a second before.
func ceilSecond(d time.Duration) time.Duration {
	return (d + time.Second - 1).Truncate(time.Second)
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
