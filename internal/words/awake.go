package words

import (
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/schedule"
)

// What the driver says while it keeps the computer awake (keep_awake).

// AwakeWhy is why the computer is kept awake, as the system's list of
// what holds it awake shows it (systemd-inhibit --list): "Ice pack on:
// icetimer reminds you to take it off".
func AwakeWhy(k schedule.Kind) string {
	return capital(pack(k)) + " on: icetimer reminds you to take it off"
}

// GoingToSleep is what the desktop and the phone are told when the
// computer goes to sleep (a closed lid) while pack k is on: that nothing on
// the computer reminds until it wakes, and when the pack comes off (off; a
// zero off: now, its removal waits). With phone, the phone reminds.
func GoingToSleep(k schedule.Kind, off, now time.Time, phone bool, loc *time.Location) Reminder {
	when := "now"
	if !off.IsZero() && off.After(now) {
		when = "at " + Clock(off.In(loc))
	}
	r := Reminder{At: now, Title: fmt.Sprintf("The computer is going to sleep with the %s on", pack(k))}
	if phone {
		r.Title += ": the phone will remind you"
		r.Body = fmt.Sprintf("Take it off %s.", when)
	} else {
		r.Body = fmt.Sprintf("Nothing reminds you while it sleeps: take it off %s.", when)
	}
	r.Line = fmt.Sprintf("%s  %s. %s", Stamp(now.In(loc)), r.Title, r.Body)
	return r
}
