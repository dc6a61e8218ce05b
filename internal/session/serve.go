package session

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/icetimer/icetimer/internal/control"
	"github.com/icetimer/icetimer/internal/safetext"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// maxFromShown bounds the words of who asked that a driver prints.
const maxFromShown = 60

// serve starts the control socket of a session that drives the course:
// every other command reaches this process through it (CLI.md, third
// version). Its path goes in the lock's holder record. A socket that
// cannot be served is a trouble line, not a failure: the reminders never
// depend on it.
func (s *Session) serve(dir string) {
	ln, path, err := control.Listen(dir)
	if err != nil {
		s.troubled(fmt.Errorf("other terminals cannot reach this icetimer: %w", err))
		return
	}
	s.server = control.NewServer(control.HandlerFunc(s.handleRemote))
	_ = s.server.Publish(store.NoCourse) // until a course starts or resumes
	ctx, cancel := context.WithCancel(context.Background())
	s.stopServing = cancel
	s.serving.Go(func() { _ = s.server.Serve(ctx, ln) })
	if err := s.store.Advertise(path); err != nil {
		s.troubled(fmt.Errorf("other terminals cannot find this icetimer: %w", err))
	}
}

// handleRemote is the control socket's handler: it passes a request to the
// driver's goroutine (Requests) and waits for what became of it.
func (s *Session) handleRemote(ctx context.Context, req control.Request, begin func() bool) control.Reply {
	a := ActionOf(req)
	done := make(chan Outcome, 1)
	from := safetext.Clipped(req.From, maxFromShown)
	if from == "" {
		from = "another terminal"
	}
	// Once the driver began a change, its answer is the truth, however long
	// the save takes: the server waits for it (up to its own bound).
	var begun atomic.Bool
	r := Request{Action: a, From: from, answer: func(o Outcome) { done <- o }, begin: func() bool {
		ok := begin()
		begun.Store(ok)
		return ok
	}}
	select {
	case s.requests <- r:
	case <-ctx.Done():
		return control.Refused(control.CodeTimeout, "the icetimer that drives the course is busy; try again")
	}
	select {
	case o := <-done:
		return s.replyTo(a, o)
	case <-ctx.Done():
		if !begun.Load() {
			return control.Refused(control.CodeTimeout, "the icetimer that drives the course did not answer in time")
		}
	}
	select {
	case o := <-done:
		return s.replyTo(a, o)
	case <-time.After(unfinishedWait):
		return control.Refused(control.CodeUnfinished, "the change was made but not yet saved; 'icetimer status' shows the course")
	}
}

// unfinishedWait bounds the wait for the save of a change begun, past the
// server's bound (the server gives up on it then anyway).
const unfinishedWait = 2 * time.Second

// RequestFor is action a as a client sends it on the control socket, from
// says who asks ("another terminal", "a read-only view").
func RequestFor(a schedule.Action, from string) control.Request {
	return control.Request{Do: control.Verb(a.Verb), Amount: a.Amount, Score: a.Score, Note: a.Note, At: a.At, From: from}
}

// ActionOf is the action a control request asks for: RequestFor's
// inverse.
func ActionOf(req control.Request) schedule.Action {
	return schedule.Action{Verb: schedule.Verb(req.Do), Amount: req.Amount, Score: req.Score, Note: req.Note, At: req.At}
}

// replyTo is the control socket's answer for a request's outcome.
func (s *Session) replyTo(a schedule.Action, o Outcome) control.Reply {
	var refusal *schedule.Refusal
	switch {
	case errors.As(o.Refused, &refusal):
		return control.Refused(control.Code(refusal.Code), refusal.Reason)
	case o.Refused != nil:
		return control.Refused(control.CodeFailed, o.Refused.Error())
	case o.SaveErr != nil:
		return control.Refused(control.CodeNotSaved, fmt.Sprintf("%s, but it could not be saved (the icetimer that drives the course reminds by it): %v",
			words.Did(a, o.Course, s.Now()), o.SaveErr))
	}
	// The reply says what was done; the course itself goes to watchers,
	// once per save: a reply to each of a burst of requests carrying the
	// whole course would cost the driver far more than the change.
	return control.Done(words.Did(a, o.Course, s.Now()), nil)
}

// publish sends c to every process watching the course (a read-only view,
// `status --follow`): after every save, and when the course starts or
// resumes.
func (s *Session) publish(c schedule.Course) {
	if s.server == nil {
		return
	}
	if data, err := store.EncodeCourse(c); err == nil {
		_ = s.server.Publish(data)
	}
}

// forwardButtons passes the notification's "pack is off" button to the
// driver as an acknowledgement.
func (s *Session) forwardButtons() {
	a, ok := s.notifier.(interface{ Acknowledged() <-chan string })
	if !ok || a.Acknowledged() == nil {
		return
	}
	go func() {
		for range a.Acknowledged() {
			select {
			case s.requests <- Request{Action: schedule.Action{Verb: schedule.VerbAck}, From: "the notification"}:
			default: // a burst of presses is one acknowledgement
			}
		}
	}()
}

// stopServe says goodbye to the watchers with why (a hand-over, a quit)
// and stops the control socket.
func (s *Session) stopServe(why string) {
	if s.server == nil {
		return
	}
	s.server.Close(why)
	s.stopServing()
	s.serving.Wait()
}
