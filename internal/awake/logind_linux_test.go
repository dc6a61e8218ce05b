package awake_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/awake"
	"github.com/icetimer/icetimer/internal/awake/awaketest"
)

func answer(t *testing.T, c <-chan error) error {
	t.Helper()
	select {
	case err := <-c:
		return err
	case <-time.After(awaketest.Wait):
		t.Fatal("no answer")
		return nil
	}
}

const why = "Ice pack on until 14:20"

// The inhibitors are taken at Hold (logind lists them) and given back at
// Release (it lists none).
func TestHoldAndRelease(t *testing.T) {
	m := awaketest.StartLogind(t)
	k := awake.New(awake.Options{})
	defer k.Close()
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatal(err)
	}
	want := `sleep:idle/block "` + why + `", sleep/delay "` + why + `"`
	if got := m.Inhibitors(t); got != want {
		t.Fatalf("held: logind lists %s; want %s", got, want)
	}
	if err := answer(t, k.Hold(why)); err != nil || m.Inhibitors(t) != want {
		t.Fatalf("holding twice: %v, %s", err, m.Inhibitors(t))
	}
	if err := answer(t, k.Release()); err != nil {
		t.Fatal(err)
	}
	m.Until(t, "release", func() bool { return m.Inhibitors(t) == "" })
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatal(err)
	}
	k.Close()
	m.Until(t, "release at Close", func() bool { return m.Inhibitors(t) == "" })
}

// PrepareForSleep(true), sent as a closed lid makes logind send it,
// reaches Sleeping; Ready lets the sleep go (the delay inhibitor goes),
// the block one stays, and after the wake the delay one is taken again.
func TestTheComputerGoingToSleep(t *testing.T) {
	m := awaketest.StartLogind(t)
	k := awake.New(awake.Options{SleepDelay: time.Hour})
	defer k.Close()
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatal(err)
	}
	emitted := time.Now()
	m.EmitPrepareForSleep(t, true)
	select {
	case <-k.Sleeping():
		t.Logf("Sleeping %s after gdbus was run", time.Since(emitted))
	case <-time.After(awaketest.Wait):
		t.Fatal("PrepareForSleep(true) did not reach Sleeping")
	}
	k.Ready()
	m.Until(t, "the delay inhibitor to go", func() bool { return m.Inhibitors(t) == `sleep:idle/block "`+why+`"` })
	m.EmitPrepareForSleep(t, false)
	m.Until(t, "the delay inhibitor again", func() bool { return strings.Contains(m.Inhibitors(t), "sleep/delay") })
}

// Without Ready, the sleep goes on by itself after SleepDelay.
func TestASleepIsNotHeldForever(t *testing.T) {
	m := awaketest.StartLogind(t)
	k := awake.New(awake.Options{SleepDelay: 200 * time.Millisecond})
	defer k.Close()
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatal(err)
	}
	m.EmitPrepareForSleep(t, true)
	<-k.Sleeping()
	m.Until(t, "the delay inhibitor to go", func() bool { return !strings.Contains(m.Inhibitors(t), "sleep/delay") })
}

// A bus that stops answering costs the timeout, never more, and says so.
func TestAFrozenBus(t *testing.T) {
	m := awaketest.StartLogind(t)
	k := awake.New(awake.Options{Timeout: 300 * time.Millisecond})
	defer k.Close()
	defer m.Freeze()()
	start := time.Now()
	err := answer(t, k.Hold(why))
	took := time.Since(start)
	t.Logf("Hold on a frozen bus: %v after %s", err, took)
	if err == nil || errors.Is(err, awake.ErrUnavailable) || took > 2*time.Second {
		t.Fatalf("Hold on a frozen bus: %v after %s, want a timeout within about 300ms", err, took)
	}
}

// With no system bus, Hold says so once and does nothing after.
func TestNoSystemBus(t *testing.T) {
	t.Setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	k := awake.New(awake.Options{})
	defer k.Close()
	err := answer(t, k.Hold(why))
	if !errors.Is(err, awake.ErrUnavailable) || !strings.Contains(err.Error(), "no system bus") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("no system bus: %v", err)
	}
	t.Logf("the one line: %v", err)
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatalf("holding again: %v, want nothing", err)
	}
	if err := answer(t, k.Release()); err != nil {
		t.Fatalf("releasing: %v", err)
	}
}

// A system bus without logind (a container): Hold says so once.
func TestNoLogind(t *testing.T) {
	awaketest.StartBus(t)
	k := awake.New(awake.Options{})
	defer k.Close()
	err := answer(t, k.Hold(why))
	if !errors.Is(err, awake.ErrUnavailable) || !strings.Contains(err.Error(), "logind is not on the system bus") {
		t.Fatalf("no logind: %v", err)
	}
	if err := answer(t, k.Hold(why)); err != nil {
		t.Fatalf("holding again: %v, want nothing", err)
	}
}
