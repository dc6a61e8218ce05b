// Package remind holds the rules of reminding, beside the engine and as
// pure as it: which changes of a course are announced and when
// (Announcer), how a reminder that waits for the person is repeated
// (Repeater), when the end of a phase is counted down (Countdown), and how
// the removals were answered (Removals). The timer
// screen, `icetimer run`, the report and the status document all follow
// these, so they never disagree; sending a reminder anywhere is the
// session's job.
package remind
