package control

import (
	"encoding/json"
	"errors"
)

// A Code says in one word why a request was refused, for scripts and for the
// command's exit status.
type Code string

// What the server refuses a line with; the handler is not called for any of
// them.
const (
	CodeBadRequest  Code = "bad-request"  // not JSON, or a field missing, unknown or malformed
	CodeUnknownVerb Code = "unknown-verb" // "do" is not a known verb
	CodeVersion     Code = "version"      // "v" is not Version
	CodeTooLong     Code = "too-long"     // the line is over MaxLine
	CodeIdle        Code = "idle"         // no request line within the read deadline
	CodeBusy        Code = "busy"         // too many connections at once; Do tries again
	CodeNotYours    Code = "not-yours"    // the client runs as another user
	CodeClosing     Code = "closing"      // the driver is shutting down (handing over, or stopping)
	CodeTimeout     Code = "timeout"      // the driver did not answer in time; nothing was applied
	CodeUnfinished  Code = "unfinished"   // the driver began the change and did not finish it in time: check the course
)

// What the handler refuses a request with: the engine's typed refusals, and
// a failure to apply or save. The driver's words go in the error.
const (
	CodeAtCap         Code = "at-cap"         // a safety cap (PROTOCOLS.md section 7)
	CodeLastStage     Code = "last-stage"     // next-stage in the last stage
	CodeNothingWaits  Code = "nothing-waits"  // ack or a skin answer with nothing waiting
	CodeOutsideCourse Code = "outside-course" // a time outside the course (pain --at, on-since)
	CodeNoCourse      Code = "no-course"      // no course to act on (exit status 3)
	CodeInvalid       Code = "invalid"        // a value the engine does not accept (a pain score out of range)
	CodeFailed        Code = "failed"         // another failure
	CodeNotSaved      Code = "not-saved"      // applied, and the driver reminds by it, but not saved (a read-only or full disk)
)

// The server's own refusals in words; %s is the limit that was reached.
const (
	tooLong    = "the request is longer than 64 KiB"
	idle       = "no request came within %s"
	busy       = "the icetimer that drives the course is busy with other clients: try again"
	notYours   = "this icetimer belongs to another user"
	closing    = "the icetimer that drives the course is shutting down: try again in a moment"
	noAnswer   = "the icetimer that drives the course did not answer within %s; nothing was changed"
	stopped    = "the icetimer that drives the course did not answer in time; nothing was changed"
	unfinished = "the icetimer that drives the course began the change but did not finish it within %s: check with icetimer status"
)

// Reply is the driver's answer to one request.
type Reply struct {
	OK bool
	// Said is what the driver did, in its own words ("Paused."), when OK.
	Said string
	// Course is the course after the request, as the driver publishes it:
	// an opaque JSON object.
	Course json.RawMessage
	// Code and Error say why the request was refused, when not OK.
	Code  Code
	Error string
}

// Done is the reply to a request the driver applied.
func Done(said string, course json.RawMessage) Reply {
	return Reply{OK: true, Said: said, Course: course}
}

// Refused is the reply to a request the driver did not apply.
func Refused(code Code, why string) Reply {
	return Reply{Code: code, Error: why}
}

// Err is nil for a reply that is OK, and the refusal as a *RefusalError
// otherwise.
func (r Reply) Err() error {
	if r.OK {
		return nil
	}
	return &RefusalError{Code: r.Code, Message: r.Error}
}

// RefusalError is a refusal as an error: the server's, or the driver's
// through Reply.Err.
type RefusalError struct {
	Code    Code
	Message string
}

// Error is the refusal's message, as the driver put it.
func (e *RefusalError) Error() string { return e.Message }

// refusal is err's reply: the *RefusalError in it, or a failure.
func refusal(err error) Reply {
	var r *RefusalError
	if errors.As(err, &r) {
		return Refused(r.Code, r.Message)
	}
	return Refused(CodeFailed, err.Error())
}

// The events a watch stream carries.
const (
	eventCourse = "course"
	eventBye    = "bye"
)

// message is every line the server writes: a reply, or an event of a watch
// stream; the client reads both through it.
type message struct {
	V      int             `json:"v"`
	OK     *bool           `json:"ok,omitempty"`
	Said   string          `json:"said,omitempty"`
	Course json.RawMessage `json:"course,omitempty"`
	Code   Code            `json:"code,omitempty"`
	Error  string          `json:"error,omitempty"`
	Event  string          `json:"event,omitempty"`
	Why    string          `json:"why,omitempty"`
}

// replyMessage is r as a line.
func replyMessage(r Reply) message {
	return message{V: Version, OK: &r.OK, Said: r.Said, Course: r.Course, Code: r.Code, Error: r.Error}
}

// reply reads m, of this protocol's version, as a reply; anything else is
// an error.
func (m message) reply() (Reply, error) {
	switch {
	case m.OK == nil:
		return Reply{}, errors.New("the answer is not a reply")
	case !*m.OK && m.Code == "":
		return Reply{}, errors.New("the refusal has no code")
	}
	return Reply{OK: *m.OK, Said: m.Said, Course: m.Course, Code: m.Code, Error: m.Error}, nil
}
