package session

import (
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/awake"
	"github.com/icetimer/icetimer/internal/awake/awaketest"
	"github.com/icetimer/icetimer/internal/ntfy/ntfytest"
	"github.com/icetimer/icetimer/internal/words"
)

// The computer is kept awake (logind lists the inhibitors) from the ice
// going on until its removal is acknowledged; a sleep that comes anyway
// is told to the phone first.
func TestTheComputerIsKeptAwakeWhileAPackIsOn(t *testing.T) {
	bus := awaketest.StartLogind(t)
	clock := &fakeClock{now: testStart}
	srv := ntfytest.New(t, "my-back", "", clock.Now)
	l := openLoop(t, t.TempDir(), srv, clock, Options{Awake: awake.New(awake.Options{SleepDelay: time.Hour})})
	l.start(iceCourse(testStart))
	why := `"Ice pack on: icetimer reminds you to take it off"`
	held := `sleep:idle/block ` + why + `, sleep/delay ` + why
	bus.Until(t, "the inhibitors while the ice is on", func() bool { return bus.Inhibitors(t) == held })

	bus.EmitPrepareForSleep(t, true)
	l.until("the going-to-sleep message", func() bool {
		for _, m := range srv.Messages("my-back") {
			if m.Title == "The computer is going to sleep with the ice pack on: the phone will remind you" && m.Message == "Take it off at "+words.Clock(testStart.Add(20*time.Minute).In(time.Local))+"." {
				return true
			}
		}
		return false
	})
	bus.Until(t, "the sleep let go", func() bool { return bus.Inhibitors(t) == `sleep:idle/block `+why })
	bus.EmitPrepareForSleep(t, false)

	removal := testStart.Add(20 * time.Minute)
	l.remind(removal)
	bus.Until(t, "the inhibitors while the removal waits", func() bool { return strings.HasPrefix(bus.Inhibitors(t), `sleep:idle/block `) })
	clock.Set(removal.Add(time.Minute))
	l.press(removal, "Pack is off")
	l.applyNext()
	bus.Until(t, "the inhibitors released at the acknowledgement", func() bool { return bus.Inhibitors(t) == "" })
}
