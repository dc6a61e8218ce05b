package worker

import "sync"

// Gate guards a worker's queue: callers queue while holding it and only
// while it is not Closed; Shut closes the queue once, however often it is
// called, so that no send can race the close.
type Gate struct {
	sync.Mutex
	// Closed says the queue is closed; read it with the gate held.
	Closed bool
}

// Shut runs closeQueue the first time it is called.
func (g *Gate) Shut(closeQueue func()) {
	g.Lock()
	defer g.Unlock()
	if !g.Closed {
		g.Closed = true
		closeQueue()
	}
}
