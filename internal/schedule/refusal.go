package schedule

import (
	"fmt"
	"strings"
	"time"
)

// Refusal is why Course.Do left a course as it was: a short Code that
// programs read (the control socket's "code"; it never changes once
// released) and a Reason a person reads (what was wrong, and what would
// work).
type Refusal struct {
	Code   string
	Reason string
}

// Error is the reason, as a person reads it.
func (r *Refusal) Error() string { return r.Reason }

// Is matches every refusal with the same code, so that errors.Is(err,
// ErrAtCap) holds whatever the reason says.
func (r *Refusal) Is(target error) bool {
	t, ok := target.(*Refusal)
	return ok && t.Code == r.Code
}

// The kinds of refusal, for errors.Is. Do returns a *Refusal with one of
// these codes and a reason that says more.
var (
	// ErrAtCap: more time would keep a pack on longer than one application
	// may last (PROTOCOLS.md section 7).
	ErrAtCap = &Refusal{Code: "at-cap", Reason: "a pack may stay on no longer in one application"}
	// ErrLastStage: next-stage in the course's last stage.
	ErrLastStage = &Refusal{Code: "last-stage", Reason: "the course is in its last stage: there is no next stage to move to"}
	// ErrNothingWaits: ack while no reminder waits for the person.
	ErrNothingWaits = &Refusal{Code: "nothing-waits", Reason: "no reminder is waiting for an acknowledgement"}
	// ErrOutsideCourse: the course has not started yet, or is over.
	ErrOutsideCourse = &Refusal{Code: "outside-course", Reason: "the course is not running"}
	// ErrNotNow: the action does not fit what the course is doing (resume
	// while not paused, on-since during rest...).
	ErrNotNow = &Refusal{Code: "not-now", Reason: "that does not apply to the course now"}
	// ErrOutsidePhase: on-since names an instant outside the phase that
	// runs: before it began (or before the last change to it), or so long
	// ago that it would be over.
	ErrOutsidePhase = &Refusal{Code: "outside-phase", Reason: "that instant is outside the phase that runs"}
	// ErrNoEffect: the action would change nothing (more time for a phase
	// that quiet hours cut short, a restart at the instant the phase began).
	ErrNoEffect = &Refusal{Code: "no-effect", Reason: "that would change nothing"}
	// ErrBadInput: the action itself is wrong: an unknown verb, an amount
	// or a pain score out of range, an instant outside the course.
	ErrBadInput = &Refusal{Code: "bad-input", Reason: "the action is not one icetimer can do"}
)

// refuse is a refusal of kind with its own reason.
func refuse(kind *Refusal, format string, args ...any) *Refusal {
	return &Refusal{Code: kind.Code, Reason: fmt.Sprintf(format, args...)}
}

// spoken is a duration as a reason says it, rounded down to the second (a
// refusal says how much is left to add, which must not be more than is):
// "3 min", "1 h 5 min", "2 min 30 s".
func spoken(d time.Duration) string {
	d = max(d, 0).Truncate(time.Second)
	var parts []string
	if h := d / time.Hour; h > 0 {
		parts = append(parts, fmt.Sprintf("%d h", h))
	}
	if m := d % time.Hour / time.Minute; m > 0 {
		parts = append(parts, fmt.Sprintf("%d min", m))
	}
	if s := d % time.Minute / time.Second; s > 0 || len(parts) == 0 {
		parts = append(parts, fmt.Sprintf("%d s", s))
	}
	return strings.Join(parts, " ")
}

// clockNear is t as a reason says it, in now's zone: "23:00", with the
// day when t is on another day than now ("Sat 21 Nov 08:00").
func clockNear(t, now time.Time) string {
	t = t.In(now.Location())
	y, m, d := t.Date()
	ny, nm, nd := now.Date()
	if y == ny && m == nm && d == nd {
		return t.Format("15:04")
	}
	return t.Format("Mon 2 Jan 15:04")
}
