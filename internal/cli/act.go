package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/control"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/session"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// lockWait is how long a command waits when another one holds the lock for
// a moment without serving the control socket (Env.LockWait's default): a
// command changing the course once, a driver starting up or handing over.
const lockWait = 2 * time.Second

// lookEvery is how often it looks again meanwhile.
const lookEvery = 50 * time.Millisecond

// fromHere is how a command names itself to the process that drives the
// course, which prints it: "paused (from another terminal)".
const fromHere = "another terminal"

// act performs a on the saved course and returns the line that says what
// it did. When another process drives the course (the screen, a background
// run, a view that took over), the command goes through it, on its control
// socket, and that process applies it, prints it and announces it; when
// none does, the command takes the lock and changes the saved course
// itself: with direct, or, when direct is nil, through the engine's one
// rule (session.Apply). The errors carry CLI.md's exit statuses: 3 no
// course, 2 bad input, 1 refused or not answered.
func (e *Env) act(a schedule.Action, direct func(*session.Session) (string, error)) (string, error) {
	wait := e.LockWait
	if wait == 0 {
		wait = lockWait
	}
	giveUp := time.Now().Add(wait)
	for {
		s, err := e.openSession(false, Reminding{})
		if err == nil {
			defer s.Close()
			if direct == nil {
				direct = func(s *session.Session) (string, error) { return applied(s, a) }
			}
			return direct(s)
		}
		var holder *store.LockedError
		if !errors.As(err, &holder) {
			return "", err
		}
		if holder.Socket != "" {
			said, again, err := asked(holder.Socket, a)
			if !again {
				return said, err
			}
		}
		if time.Now().After(giveUp) {
			return "", &exitError{Code: ExitFailure, Err: fmt.Errorf(
				"%v, which did not answer within %s: try again in a moment; if it is an older icetimer, change the course there, or quit it first", holder, wait)}
		}
		time.Sleep(lookEvery)
	}
}

// applied performs a on the saved course under the lock s holds.
func applied(s *session.Session, a schedule.Action) (string, error) {
	c, err := s.Apply(a)
	var refusal *schedule.Refusal
	switch {
	case errors.Is(err, store.ErrNoCourse):
		return "", errNoCourse
	case errors.As(err, &refusal):
		return "", refused(refusal.Code, refusal.Reason)
	case err != nil:
		return "", &exitError{Code: ExitFailure, Err: fmt.Errorf("not done: %w", err)}
	}
	return words.Did(a, c, s.Now()), nil
}

// asked sends a to the process serving socket and says what became of it;
// again says that process is going (it quit, or hands the course over):
// look for the course's driver again.
func asked(socket string, a schedule.Action) (said string, again bool, err error) {
	r, err := control.Do(context.Background(), socket, session.RequestFor(a, fromHere))
	switch {
	case errors.Is(err, control.ErrNotServing):
		return "", true, nil
	case errors.Is(err, control.ErrNoAnswer):
		return "", false, &exitError{Code: ExitFailure, Err: fmt.Errorf(
			"the icetimer that drives the course did not answer within %s: the change may not have been made; 'icetimer status' shows the course", control.Wait)}
	case err != nil:
		return "", false, &exitError{Code: ExitFailure, Err: err}
	case r.OK:
		return r.Said, false, nil
	case r.Code == control.CodeClosing:
		return "", true, nil
	}
	return "", false, refused(string(r.Code), r.Error)
}

// refused is a refusal (the engine's, or the driver's) with the exit
// status its code calls for.
func refused(code, why string) error {
	switch code {
	case string(control.CodeNoCourse), schedule.ErrOutsideCourse.Code:
		return &exitError{Code: ExitNoCourse, Err: errors.New(why)}
	case schedule.ErrBadInput.Code, string(control.CodeInvalid), string(control.CodeBadRequest):
		return usageError(errors.New(why))
	}
	return &exitError{Code: ExitFailure, Err: errors.New(why)}
}
