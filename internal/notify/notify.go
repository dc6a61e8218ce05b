// Package notify delivers desktop notifications without ever blocking the
// caller: a Dispatcher hands them to one worker goroutine, bounds every call
// with a timeout and answers each with a Result, so the caller can show a
// fallback (a terminal bell and a banner, or a line on stdout) when the desktop
// cannot be reached.
package notify

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Notification is one desktop notification.
type Notification struct {
	Title string
	Body  string
	// Urgent asks the server to keep the notification up until dismissed
	// (urgency critical): for "remove the pack" reminders, the ones that
	// prevent harm.
	Urgent bool
	// Tag names what the notification is about ("remove the pack at 14:20"):
	// a notification with the same non-empty Tag as an earlier one replaces
	// it on the desktop instead of stacking a second popup, and Withdraw and
	// Acknowledged name notifications by it. Empty: no replacing.
	Tag string
	// Ack, when not empty, is the label of a button on the notification that
	// acknowledges it (the person has done what it asks); pressing it
	// delivers Tag on Acknowledged. It needs a Tag, which is what the
	// acknowledgement names: without one no button is shown. Desktops
	// without buttons (macOS and Windows through beeep) ignore it.
	Ack string
}

// Notifier shows a notification on the desktop. Implementations should
// return once ctx is done; one that cannot (beeep has no way to give up) may
// block for as long as the desktop takes: the Dispatcher still answers its
// caller in time.
type Notifier interface {
	Notify(ctx context.Context, n Notification) error
}

// Acknowledger is a notifier whose notifications can carry an acknowledge
// button (see Notification.Ack).
type Acknowledger interface {
	// Acknowledged receives the Tag of each notification whose button was
	// pressed. It is never closed.
	Acknowledged() <-chan string
}

// Withdrawer is a notifier that can take a notification off the desktop
// again, once what it asks has been done.
type Withdrawer interface {
	// Withdraw closes the notification last shown with tag, if any.
	Withdraw(ctx context.Context, tag string) error
}

// Outcome says what became of a notification.
type Outcome int

// The outcomes a Result reports. Every outcome but Delivered means the caller
// should show its fallback.
const (
	// Delivered: the notification server accepted it.
	Delivered Outcome = iota
	// Failed: the desktop refused it, cannot be reached, or an earlier call
	// is still stuck (see ErrStuck).
	Failed
	// TimedOut: the server did not answer within the timeout. It may still
	// show the notification later, when it answers.
	TimedOut
	// Dropped: the queue was full or the dispatcher closed; nothing was tried.
	Dropped
)

// String is the outcome as it reads in a fallback line: "timed out".
func (o Outcome) String() string {
	switch o {
	case Delivered:
		return "delivered"
	case Failed:
		return "failed"
	case TimedOut:
		return "timed out"
	case Dropped:
		return "dropped"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// Result is the answer to one Dispatcher.Send.
type Result struct {
	Notification Notification
	Outcome      Outcome
	// Err says why, for every outcome but Delivered.
	Err error
	// Took is the time from Send to the answer, queueing included.
	Took time.Duration
}

// OK reports whether the notification reached the desktop; when it did not,
// the caller shows its fallback.
func (r Result) OK() bool { return r.Outcome == Delivered }

// Errors a Result can carry besides the notifier's own.
var (
	// ErrNoDesktop: there is no notification server to reach (no session bus).
	ErrNoDesktop = errors.New("no desktop session to notify (no D-Bus session bus)")
	// ErrTimeout: the server did not answer in time.
	ErrTimeout = errors.New("the desktop did not answer in time")
	// ErrStuck: an earlier call has not returned yet, so this one was not tried.
	ErrStuck = errors.New("the desktop has not answered an earlier notification yet")
	// ErrQueueFull: too many notifications were waiting.
	ErrQueueFull = errors.New("too many notifications waiting")
	// ErrClosed: the dispatcher was closed.
	ErrClosed = errors.New("notifications are shut down")
)
