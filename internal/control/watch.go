package control

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
)

// Update is one line of a watch stream: the course after a change, or, last
// before the channel closes, how the stream ended.
type Update struct {
	// Course is the course as the driver published it; nil in the last
	// update.
	Course json.RawMessage
	// Bye: the driver shut down cleanly and said Why (it handed the course
	// over, or stopped). Whoever takes over comes through the lock.
	Bye bool
	Why string
	// Lost: the stream ended without a bye: the driver died (or broke the
	// protocol, said in Err). A watcher takes the course over at once.
	Lost bool
	Err  error
}

// errNoBye: the stream ended as when the driver's process ends without
// closing the server: it crashed, or was killed.
var errNoBye = errors.New("the icetimer that drives the course ended the stream without a bye: it crashed or was killed")

// Watch streams the course from the driver serving the socket at path: the
// first update at once, then one after every change. The stream starts
// within Wait (busy refusals tried again meanwhile) or Watch fails, with the
// errors of Do or a *RefusalError. Then the channel's last update says
// whether the driver said bye or was lost, and the channel closes; when ctx
// ends first, it closes with no last update. Read the channel until it
// closes, or cancel ctx.
func Watch(ctx context.Context, path string) (<-chan Update, error) {
	line, err := encodeRequest(Request{Do: watchVerb})
	if err != nil {
		return nil, err
	}
	start, cancel := context.WithTimeout(ctx, Wait)
	defer cancel()
	a, m, err := open(start, path, line, 0)
	if err != nil {
		return nil, err
	}
	if m.Event != eventCourse {
		a.Close()
		if r, err := m.reply(); err == nil && !r.OK {
			return nil, r.Err()
		}
		return nil, errors.New("the icetimer that drives the course answered the watch with something other than the course")
	}
	updates := make(chan Update)
	go stream(ctx, a, m, updates)
	return updates, nil
}

// stream sends first and every update after it until the stream ends.
func stream(ctx context.Context, a *answers, first message, updates chan<- Update) {
	defer close(updates)
	defer a.Close()
	defer context.AfterFunc(ctx, func() { a.Close() })()
	send := func(u Update) bool {
		select {
		case updates <- u:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for m := first; ; {
		switch m.Event {
		case eventCourse:
			if !send(Update{Course: m.Course}) {
				return
			}
		case eventBye:
			send(Update{Bye: true, Why: m.Why})
			return
		default:
			send(Update{Lost: true, Err: fmt.Errorf("the icetimer that drives the course sent %q in the watch stream", m.Event)})
			return
		}
		var err error
		if m, err = a.next(); err != nil {
			if errors.Is(err, errClosedEarly) {
				err = errNoBye
			}
			if ctx.Err() == nil {
				send(Update{Lost: true, Err: err})
			}
			return
		}
	}
}
