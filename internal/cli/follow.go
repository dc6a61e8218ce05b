package cli

import (
	"bytes"
	"context"
	"errors"
	"time"

	"github.com/icetimer/icetimer/internal/control"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/store"
)

// pollEvery is how often `status --follow` reads the saved course again
// while no process serves it a stream (nobody drives the course, or an
// older icetimer does).
const pollEvery = 2 * time.Second

// follow prints course c with write now, then again at every change (its
// phases', and every change made to it) and every minute, until the course
// ends (its last line printed) or the output closes (a write fails: the
// status bar went away). The changes come from the process that drives the
// course, on its watch stream, as soon as they are made; with no such
// process, from the saved course, read every pollEvery.
func follow(env *Env, s *store.Store, c schedule.Course, write func(schedule.Course, schedule.State) error) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes := make(chan schedule.Course)
	go feed(ctx, s, c, changes)
	for {
		now := env.Clock.Now()
		st := c.StateAt(now)
		if write(c, st) != nil {
			return nil // nobody reads any more
		}
		if st.Done {
			return nil
		}
		wait := now.Truncate(time.Minute).Add(time.Minute).Sub(now)
		if end := st.Current.End; !end.IsZero() && end.After(now) {
			wait = min(wait, end.Sub(now))
		}
		select {
		case <-time.After(wait):
		case next := <-changes:
			if next.Start.IsZero() { // stopped, and gone from the saved file
				if stopped, err := c.Do(schedule.Action{Verb: schedule.VerbStop}, env.Clock.Now()); err == nil {
					next = stopped
				} else {
					next = c
				}
			}
			c = next
		}
	}
}

// feed sends out each new version of the course known as last: from the
// driver's watch stream while one serves it, else from the saved file; a
// zero course when none is saved any more. It ends with ctx.
func feed(ctx context.Context, s *store.Store, last schedule.Course, out chan<- schedule.Course) {
	seen, _ := store.EncodeCourse(last)
	send := func(c schedule.Course) {
		data, _ := store.EncodeCourse(c)
		if c.Start.IsZero() || !bytes.Equal(data, seen) {
			seen = data
			select {
			case out <- c:
			case <-ctx.Done():
			}
		}
	}
	for ctx.Err() == nil {
		if h, ok := s.Holder(); ok && h.Socket != "" {
			if updates, err := control.Watch(ctx, h.Socket); err == nil {
				for u := range updates {
					if u.Course == nil {
						break // the driver went: look again at once
					}
					c, err := store.DecodeCourse(u.Course)
					switch {
					case errors.Is(err, store.ErrNoCourse):
						send(schedule.Course{})
					case err == nil:
						send(c)
					}
				}
				continue
			}
		}
		c, err := s.Load()
		switch {
		case errors.Is(err, store.ErrNoCourse):
			send(schedule.Course{})
		case err == nil:
			send(c)
		}
		select {
		case <-time.After(pollEvery):
		case <-ctx.Done():
		}
	}
}
