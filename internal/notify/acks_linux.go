package notify

import "github.com/godbus/dbus/v5"

// listen turns the server's ActionInvoked signals for our acknowledge buttons
// into Tags on Acknowledged, until the connection closes (godbus then closes
// signals).
//
// It never waits for the reader: when Acknowledged is full the
// acknowledgement is dropped. That errs the safe way: the reminder stays
// unacknowledged and repeats, with its button, for the person to press again.
//
// Only the latest notification of each Tag is known, on this connection:
// pressing the button of one whose Notify timed out (the server showed it
// late), or of one sent before the bus connection was made anew, is not
// heard. Servers that send ActionInvoked to the notification's sender alone
// (GNOME Shell does) would not deliver it to a new connection anyway.
func (d *Desktop) listen(signals <-chan *dbus.Signal) {
	for s := range signals {
		if tag, ok := d.acknowledged(s); ok {
			select {
			case d.acks <- tag:
			default:
			}
		}
	}
}

// acknowledged is the Tag that s acknowledges, if s is ActionInvoked(id,
// "ack") for a notification of ours with the button.
func (d *Desktop) acknowledged(s *dbus.Signal) (string, bool) {
	if s.Path != serverPath || s.Name != serverInterface+".ActionInvoked" || len(s.Body) != 2 {
		return "", false
	}
	id, idOK := s.Body[0].(uint32)
	key, keyOK := s.Body[1].(string)
	if !idOK || !keyOK || key != ackAction {
		return "", false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for tag, n := range d.shown {
		if n.id == id && n.ack {
			return tag, true
		}
	}
	return "", false
}
