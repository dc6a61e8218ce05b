package main

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/ui/timer"
	"github.com/icetimer/icetimer/internal/words"
)

// remindDesktop is the screen's reminder command: one desktop notification for
// the changes a tick found, then a record of how far the course has been
// announced. A reminder that does not reach the desktop is said on screen,
// where the banner and the bell already stand in for it.
func (d *driver) remindDesktop(c schedule.Course, ts []schedule.Transition, st schedule.State) tea.Cmd {
	r := words.For(c, ts, st, time.Local)
	results := d.desktop.Send(r.Notification)
	return func() tea.Msg {
		saveErr := d.Announced(st.Now)
		if res := <-results; !res.OK() {
			return timer.ErrorMsg{Err: fmt.Errorf("desktop notification %s: %v", res.Outcome, res.Err)}
		}
		if saveErr != nil {
			return timer.ErrorMsg{Err: fmt.Errorf("saving failed, the timer goes on: %w", saveErr)}
		}
		return nil
	}
}
