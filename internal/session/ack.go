package session

import (
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// Ack is `icetimer ack` on the course saved in dir: the acknowledgement is
// recorded, or, when another process drives the course, that process is
// asked to record it (and stop repeating). It returns what became of it in
// a line; store.ErrNoCourse when there is no course.
func Ack(dir string, opts Options) (string, error) {
	s, err := Open(dir, opts)
	var locked *store.LockedError
	if errors.As(err, &locked) {
		if err := SignalAck(locked.PID); err != nil {
			return "", err
		}
		return fmt.Sprintf("acknowledged: process %d stops repeating the reminder", locked.PID), nil
	}
	if err != nil {
		return "", err
	}
	defer s.Close()
	waited, err := s.Acknowledge()
	switch {
	case err != nil:
		return "", err
	case !waited:
		return "no reminder is waiting for an acknowledgement", nil
	}
	return "acknowledged", nil
}

// Acknowledge records, on the saved course, that the person acknowledged
// the reminder that waits for them (`icetimer ack` with no other process
// driving the course). waited is false when no reminder waited: nothing is
// recorded then.
func (s *Session) Acknowledge() (waited bool, err error) {
	c, err := s.store.Load()
	if err != nil {
		return false, err
	}
	now := s.Now()
	acked, err := c.Do(schedule.Action{Verb: schedule.VerbAck}, now)
	switch {
	case errors.Is(err, schedule.ErrNothingWaits):
		return false, nil
	case err != nil:
		return false, err
	}
	s.inherit(c, now)
	return true, s.Save(s.Ticket(), acked)
}

// Acknowledgements receives once each time the person acknowledges from
// elsewhere: `icetimer ack` run while this process drives the course (a
// signal, where the system has one), or the notification's own button. The
// driver records them as ack events. Call it once per process.
func (s *Session) Acknowledgements() <-chan struct{} {
	out := make(chan struct{}, 4)
	if ackSignal != nil {
		sigs := make(chan os.Signal, 4)
		signal.Notify(sigs, ackSignal)
		go func() {
			for range sigs {
				forward(out)
			}
		}()
	}
	if a, ok := s.notifier.(interface{ Acknowledged() <-chan string }); ok && a.Acknowledged() != nil {
		go func() {
			for range a.Acknowledged() {
				forward(out)
			}
		}()
	}
	return out
}

// forward passes one acknowledgement on; a burst beyond the buffer is one
// acknowledgement anyway.
func forward(out chan<- struct{}) {
	select {
	case out <- struct{}{}:
	default:
	}
}
