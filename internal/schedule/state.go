package schedule

import "time"

// Cause says why a segment began.
type Cause string

// The causes of a segment's start.
const (
	CauseStart      Cause = "start"       // the course started
	CauseScheduled  Cause = "scheduled"   // the previous phase ran its time
	CauseSkip       Cause = "skip"        // the person skipped the previous phase
	CauseQuietStart Cause = "quiet-start" // quiet hours began
	CauseQuietEnd   Cause = "quiet-end"   // quiet hours ended
	CauseStop       Cause = "stop"        // the person stopped the course
)

// Segment is a stretch of the course's timeline: one phase as it actually ran
// (or is planned to run), a night's quiet hours, or the course being over.
//
// Every answer is for an instant (the state's now, a transition's instant,
// the end of the span Segments lists), and a segment's End is as known then:
// its actual end when it is over by that instant, otherwise its planned end
// if nothing else happens, a paused phase counted as resumed at that instant.
// So a transition's From ends at the transition and its To has its planned
// end; Segments gives actual ends but the last one's, planned at the end of
// the span; State.Current's end is planned at now.
type Segment struct {
	Kind Kind
	// Stage is the 0-based index of the protocol stage the segment belongs to.
	Stage int
	// Index is the phase's position in its stage's cycle; -1 for Quiet and Done.
	Index int
	Start time.Time
	// End is when the segment ends, as known at the instant of the answer (see
	// above). Zero for Done, which never ends.
	End   time.Time
	Cause Cause
	// Paused is how much of the segment, from Start to End, its countdown was
	// frozen by the person's pause (up to the instant of the answer, for one
	// not yet over), so the time a pack was really on is End - Start - Paused.
	// Zero for quiet hours and Done, which have no countdown.
	Paused time.Duration
}

// Transition is the change from one segment to the next, at the instant the
// next one starts. From is the zero Segment for the course's first phase.
type Transition struct {
	At       time.Time
	From, To Segment
}

// State is everything about a course at one instant.
type State struct {
	// Now is the instant the state is for, after clamping (see Course.StateAt).
	Now     time.Time
	Current Segment
	// Remaining is the time left in the current segment; never negative. While
	// paused it is frozen; during quiet hours it is the time left in the night.
	Remaining time.Duration
	// Length is the current countdown's full length (the phase's duration plus
	// any extensions, counted again from a restart), for progress bars.
	Length time.Duration
	// Paused is true only while an ice, heat or rest countdown is frozen by the
	// person's pause: the pack is off and nothing counts down. It is false
	// during quiet hours and once done, which have no countdown to freeze.
	Paused bool
	// WaitsForResume is true while the person's pause is in force: whenever
	// Paused is, and during quiet hours when the course was paused before or
	// during them (and not resumed since), so that after the night the first
	// phase will wait, frozen, for a resume. A pause key toggles on it.
	WaitsForResume bool
	// Next is the segment that follows if nothing else happens; the zero
	// Segment when the course is done.
	Next Segment
	// StageEnds is when the current stage is planned to end; zero when it runs
	// until stopped or the course is done.
	StageEnds time.Time
	Done      bool
	// SkinCheck is when the running ice phase's skin check came, while it
	// waits for an answer (Course.SkinCheck; PROTOCOLS.md section 9); zero
	// before it comes, once answered, while paused, and in any other
	// phase. It never repeats: unanswered, it goes at the phase's end.
	SkinCheck time.Time
}

// Progress is the fraction of the current countdown already used, 0 to 1.
func (s State) Progress() float64 {
	if s.Length <= 0 {
		return 1
	}
	p := 1 - float64(s.Remaining)/float64(s.Length)
	return min(max(p, 0), 1)
}

// Length is the time from the segment's Start to its End; zero for Done,
// which never ends.
func (s Segment) Length() time.Duration {
	if s.End.IsZero() {
		return 0
	}
	return s.End.Sub(s.Start)
}
