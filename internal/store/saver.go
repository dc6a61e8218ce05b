package store

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// Saver orders saves that come from many goroutines (one tea.Cmd per event):
// they run one at a time, and a save overtaken by a newer one is dropped, so
// an older course can never be written over a newer one. Events are
// append-only, so the newest course holds everything the older ones did.
type Saver struct {
	store  *Store
	issued atomic.Uint64 // saves asked for
	mu     sync.Mutex    // one save at a time
	// written is the ticket of the newest save done.
	written uint64
}

// NewSaver orders the saves made to s.
func NewSaver(s *Store) *Saver { return &Saver{store: s} }

// Ticket numbers a save in the order the caller asks for them; call it where
// the event happens (in Update), not in the command that saves.
func (sv *Saver) Ticket() uint64 { return sv.issued.Add(1) }

// Save writes c, numbered by ticket, unless a newer save has been written
// already. A course that is over is archived (moved to history) instead, at
// instant now.
func (sv *Saver) Save(ticket uint64, c schedule.Course, now time.Time) error {
	sv.mu.Lock()
	defer sv.mu.Unlock()
	if ticket < sv.written {
		return nil
	}
	var err error
	if c.StateAt(now).Done {
		err = sv.store.Archive(c, now)
	} else {
		err = sv.store.Save(c)
	}
	if err == nil {
		sv.written = ticket
	}
	return err
}
