package session

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/ntfy"
	"github.com/icetimer/icetimer/internal/schedule"
)

// Replies hears the phone's buttons (ntfy's reply topic): a
// *ntfy.Listener.
type Replies interface {
	// SetWaiting says which changes' reminders wait for the person: a
	// reply is handed on for those only.
	SetWaiting(changes ...time.Time)
	// Listen follows the replies from since until ctx ends.
	Listen(ctx context.Context, since string) <-chan ntfy.Reply
}

// fromThePhone is who asked, for a change the phone's button made.
const fromThePhone = "the phone"

// hearReplies follows the phone's replies from the last one a driver of
// course c read (a file beside the course, see store.SaveReplied), or from
// c's start, and passes each acknowledgement to the driver as `icetimer
// ack` is: on Requests, applied where every change is applied. What is not
// applied is one of Troubles' lines (ntfy.Listener says so at most once a
// minute).
func (s *Session) hearReplies(ctx context.Context, c schedule.Course) {
	since, ok := s.store.Replied(c.Start)
	if !ok {
		since = ntfy.SinceTime(c.Start)
	}
	replies := s.replies.Listen(ctx, since)
	s.attending.running.Go(func() {
		for r := range replies {
			s.hear(ctx, r)
		}
	})
}

// hear applies reply r, or says why not, and then records it as read: a
// reply whose change could not be saved is left for the next driver.
func (s *Session) hear(ctx context.Context, r ntfy.Reply) {
	if r.Err != nil {
		s.troubled(r.Err)
	} else if !s.ackFromThePhone(ctx) {
		return
	}
	c, known := s.followed()
	if r.ID == "" || !known {
		return
	}
	if err := s.store.SaveReplied(c.Start, r.ID); err != nil {
		s.troubled(err)
	}
}

// ackFromThePhone asks the driver to apply an acknowledgement from the
// phone and waits until it is saved; false when it was not (the session
// closed first, or the save failed).
func (s *Session) ackFromThePhone(ctx context.Context) bool {
	done := make(chan Outcome, 1)
	req := Request{Action: schedule.Action{Verb: schedule.VerbAck}, From: fromThePhone, answer: func(o Outcome) { done <- o }}
	select {
	case s.requests <- req:
	case <-ctx.Done():
		return false
	}
	select {
	case o := <-done:
		var refusal *schedule.Refusal
		switch {
		case errors.As(o.Refused, &refusal):
			s.troubled(fmt.Errorf("phone replies: ignored a press of the button: %s", refusal.Reason))
		case o.Refused != nil:
			s.troubled(fmt.Errorf("phone replies: ignored a press of the button: %w", o.Refused))
		}
		return o.SaveErr == nil
	case <-ctx.Done():
		return false
	}
}
