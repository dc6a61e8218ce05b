package schedule

import "time"

// EventType names something the person did to a running course.
type EventType string

// The events a course records. The list of events is append-only: the engine
// replays it to answer every question, so nothing is lost when a process quits.
const (
	// Pause freezes the current phase's countdown. Quiet hours still begin and
	// end at their clock times while paused; a pause in force when they end
	// (made before or during them) freezes the morning's first phase from its
	// start.
	Pause EventType = "pause"
	// Resume restarts a paused countdown where it was frozen. Made during quiet
	// hours it only lifts the pause, so the morning starts on its own.
	Resume EventType = "resume"
	// Skip ends the current phase now; the next one starts at once.
	Skip EventType = "skip"
	// Extend adds Event.Amount to the current phase; a negative Amount
	// shortens it, never to before the instant of the event.
	Extend EventType = "extend"
	// Restart counts the current phase again from now, in full, and resumes it
	// if it was paused (the pack went on late).
	Restart EventType = "restart"
	// Stop ends the course.
	Stop EventType = "stop"
	// Ack records that the person acknowledged a reminder that repeats until
	// they do ("the pack is off"). It changes no timing; it is kept so the
	// lateness of removals can be told.
	Ack EventType = "ack"
	// NextStage moves the course to its next stage now: the next stage's
	// first ice or heat phase starts at once and its window counts from
	// then. It does nothing in the last stage.
	NextStage EventType = "next-stage"
	// Confirm answers a put-on reminder's "Is it on?" (see
	// Course.AsksIfOn): the pack went on at this instant, so the phase
	// counts from it, in full, as after a Restart.
	Confirm EventType = "confirm"
	// SkinOK answers the skin check of the ice phase that runs: the skin
	// is just cold or aching. It changes no timing.
	SkinOK EventType = "skin-ok"
	// Numb says the skin under the ice went numb or white: the ice phase
	// ends at once, with its remove reminder (CauseNumb), whatever the
	// clock says (PROTOCOLS.md section 9).
	Numb EventType = "numb"
)

// Event is one thing the person did, at an instant.
type Event struct {
	Type EventType
	At   time.Time
	// Amount is the time added (or, negative, taken) by an Extend event;
	// other events ignore it.
	Amount time.Duration
}

// EventInstant is now as a course's start or an event records it: whole
// seconds, so that every transition falls on a whole second, where the
// screen's ticks land; no monotonic reading.
func EventInstant(now time.Time) time.Time { return now.Round(0).Truncate(time.Second) }

// Course is a protocol started at an instant, with its settings and the events
// recorded since.
type Course struct {
	// Preset is the catalogue id the course was started from, or "custom".
	Preset   string
	Protocol Protocol
	Start    time.Time
	Quiet    QuietHours
	Events   []Event
	// Pain is the person's pain check-ins, in the order recorded
	// (append-only, like Events). The engine never reads them: they change
	// no timing.
	Pain []PainScore
	// SkinCheck is how far into an ice phase's running time (pauses left
	// out) its skin check comes (PROTOCOLS.md section 9); zero for none.
	// The course keeps the setting it started with, so its checks are a
	// function of the course alone.
	SkinCheck time.Duration
	// ConfirmPutOn says the course's put-on reminders ask "Is it on?" and
	// wait for the answer (see AsksIfOn). Courses saved before icetimer
	// asked have it false and replay as they always did.
	ConfirmPutOn bool
}

// MainKind is the kind of a stage's first ice or heat phase: what the stage is
// about, for labels such as "ice until Sun 08:00, then heat". Done for a stage
// that does not exist (after the last one).
func (p Protocol) MainKind(stage int) Kind {
	if stage < 0 || stage >= len(p.Stages) {
		return Done
	}
	c := p.Stages[stage].Cycle
	return c[c.firstOn()].Kind
}
