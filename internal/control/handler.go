package control

import (
	"context"
	"sync/atomic"
)

// Handler is the driver's side of the server: it applies one request and
// answers it.
//
// Handle is called on a goroutine of the server's, one per request and
// several at once: it hands the request to the goroutine that drives the
// course (a screen's Update, a run's loop) and waits for its answer. ctx is
// done when the server stops waiting (1 s) or shuts down.
//
// begin guards against applying a request whose client was told, or will
// be, that it failed: the driver calls it once, just before it changes the
// course. true: apply it, and answer. false: the server has answered
// "timeout" or "closing" in its place, or the client gave up; change nothing
// (the reply is dropped). Once begin said true, the server waits for the
// answer (up to 1 s more), since it is the truth. A refusal that changes
// nothing needs no begin. begin does not wait.
type Handler interface {
	Handle(ctx context.Context, req Request, begin func() bool) Reply
}

// HandlerFunc is a function as a Handler.
type HandlerFunc func(ctx context.Context, req Request, begin func() bool) Reply

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, req Request, begin func() bool) Reply {
	return f(ctx, req, begin)
}

// claim decides, once, who has the last word on a request: the driver,
// which began applying it, or the server, which gave up waiting.
type claim struct{ state atomic.Int32 }

const (
	claimOpen int32 = iota
	claimBegun
	claimAbandoned
)

// begin is the driver's side: true when the request may be applied, which
// it may not once the client gave up waiting (and says the driver did not
// answer).
func (c *claim) begin(gaveUp func() bool) bool {
	if c.state.Load() == claimBegun {
		return true
	}
	if gaveUp() {
		c.abandon()
		return false
	}
	return c.state.CompareAndSwap(claimOpen, claimBegun)
}

// abandon is the server's side: true when the driver had not begun, and now
// never will.
func (c *claim) abandon() bool {
	return c.state.CompareAndSwap(claimOpen, claimAbandoned)
}
