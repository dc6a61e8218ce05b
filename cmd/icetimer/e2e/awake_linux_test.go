package e2e

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/awake/awaketest"
	"github.com/icetimer/icetimer/internal/ntfy/ntfytest"
)

// Issue 24: while a pack is on, and until its removal is acknowledged,
// `icetimer run` keeps the computer awake with logind's inhibitors
// (python-dbusmock's logind on a private system bus, which the run
// inherits), and a sleep that comes anyway is told to the phone first. The
// test prints the inhibitors' life over the course.
func TestTheComputerIsKeptAwakeWhileAPackIsOn(t *testing.T) {
	bus := awaketest.StartLogind(t)
	srv := ntfytest.New(t, "my-back", "", time.Now)
	home := phoneConfig(t, srv, "keep_awake = true\n")
	dir := t.TempDir()
	p := startIcetimerEnv(t, dir, []string{"XDG_CONFIG_HOME=" + home},
		"run", "--cycle", "ice 5s, rest 1m", "--quiet", "off", "--sound", "off", "--repeat", "off")
	var life []string
	var began time.Time
	say := func(what string) { life = append(life, fmt.Sprintf("%+6.2fs  %s", time.Since(began).Seconds(), what)) }
	defer func() { t.Logf("the inhibitors' life, from the ice going on:\n%s", strings.Join(life, "\n")) }()

	on, _, ok := p.reminderOf("Put the ice pack on", 10*time.Second)
	if !ok {
		t.Fatalf("no first reminder; stderr %q", p.stderr.String())
	}
	began = on.at
	say("Put the ice pack on (the run's line)")
	why := `"Ice pack on: icetimer reminds you to take it off"`
	held := "sleep:idle/block " + why + ", sleep/delay " + why
	bus.Until(t, "the inhibitors while the ice is on", func() bool { return bus.Inhibitors(t) == held })
	say("taken: " + held)

	bus.EmitPrepareForSleep(t, true)
	say("PrepareForSleep(true)")
	waitFor(t, "the going-to-sleep message on the phone's server", func() bool {
		for _, m := range srv.Messages("my-back") {
			if m.Title == "The computer is going to sleep with the ice pack on: the phone will remind you" {
				return true
			}
		}
		return false
	})
	say("the phone told: The computer is going to sleep with the ice pack on: the phone will remind you")
	bus.Until(t, "the sleep let go", func() bool { return bus.Inhibitors(t) == "sleep:idle/block "+why })
	say("delay let go (Ready): sleep:idle/block " + why)
	bus.EmitPrepareForSleep(t, false)
	bus.Until(t, "the delay inhibitor again after the wake", func() bool { return bus.Inhibitors(t) == held })
	say("PrepareForSleep(false): taken again: " + held)

	if _, _, ok := p.reminderOf("Remove the ice pack", 10*time.Second); !ok {
		t.Fatalf("no remove reminder; stderr %q", p.stderr.String())
	}
	say("Remove the ice pack (the run's line)")
	time.Sleep(time.Second)
	if got := bus.Inhibitors(t); got != held {
		t.Fatalf("a second after the removal, while it waits: %q, want still held", got)
	}
	say("still held while the removal waits: " + held)

	if out, errOut, code := runIcetimer(t, dir, "ack"); code != 0 {
		t.Fatalf("icetimer ack: exit %d, %s%s", code, out, errOut)
	}
	say("icetimer ack")
	bus.Until(t, "the inhibitors released at the acknowledgement", func() bool { return bus.Inhibitors(t) == "" })
	say("released: logind lists none")
}

// With no system bus (a container), keeping awake costs one line, once,
// and the reminders are all there.
func TestNoSystemBusIsOneLine(t *testing.T) {
	home := t.TempDir()
	if err := writeConfig(home, "keep_awake = true\n"); err != nil {
		t.Fatal(err)
	}
	p := startIcetimerEnv(t, t.TempDir(), []string{"XDG_CONFIG_HOME=" + home, "DBUS_SYSTEM_BUS_ADDRESS=unix:path=" + filepath.Join(home, "no-bus")},
		"run", "--cycle", shortCycle, "--window", "6s", "--quiet", "off", "--sound", "off")
	var said []string
	finished := false
	for l := range p.lines {
		if strings.Contains(l.text, "keeping the computer awake") {
			said = append(said, l.text)
		}
		finished = finished || strings.Contains(l.text, "Course finished")
	}
	_ = p.cmd.Wait()
	t.Logf("the line: %q", said)
	if len(said) != 1 || !strings.Contains(said[0], "no system bus") || !finished {
		t.Fatalf("%d lines about keeping awake (%q), course finished %t; want one line and every reminder", len(said), said, finished)
	}
}
