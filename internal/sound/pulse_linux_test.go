package sound

import (
	"errors"
	"net"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// maxOnset is what the person is promised: a chime starts sounding within
// this of being asked for.
const maxOnset = 300 * time.Millisecond

// Every chime, played through a real PulseAudio server onto a null sink and
// recorded from its monitor, starts within maxOnset of Play and is the chime
// asked for (told apart by frequency). 21 plays, one every chime's length
// plus 0.4 s of silence, so each onset is unambiguous.
func TestChimesReachPulseAudio(t *testing.T) {
	srv := startPulse(t)
	base := time.Now()
	rec := record(t, "t.monitor", base)
	// Recording runs 0.5 s before the first chime: the silence before it
	// is part of what the onset is measured against.
	if !rec.until(500*time.Millisecond, 10*time.Second) {
		t.Fatal("the recorder got no 0.5 s of audio from t.monitor within 10 s")
	}

	p := NewPlayer(Config{})
	defer p.Close()
	type play struct {
		c  Chime
		at time.Duration // when Play was called, since base
	}
	var plays []play
	for range 7 {
		for _, c := range chimes {
			at := time.Since(base)
			took, err := within(t, p.Play(c), DefaultTimeout+time.Second)
			if err != nil {
				t.Fatalf("Play(%v): %v\n%s", c, err, srv.Log)
			}
			plays = append(plays, play{c, at})
			t.Logf("Play(%v) answered after %v", c, took)
			// Pace the plays by the recording, not a sleep: the next
			// chime comes once this one and a gap are recorded.
			if !rec.until(at+c.Duration()+400*time.Millisecond, 10*time.Second) {
				t.Fatal("the recording stalled")
			}
		}
	}

	samples, zero := rec.snapshot()
	index := func(d time.Duration) int { return durationToSamples(d - zero) }
	var onsets []time.Duration
	for i, pl := range plays {
		// From 50 ms before the call (the clock mapping's slack) to 1 s
		// after it: a chime that never sounded finds nothing there, not the
		// next one.
		from, to := index(pl.at-50*time.Millisecond), index(pl.at+time.Second)
		at := onset(samples[:min(to, len(samples))], from)
		if at < 0 {
			t.Errorf("play %d (%v): no sound within 1 s of Play", i, pl.c)
			continue
		}
		lat := zero + samplesToDuration(at) - pl.at
		onsets = append(onsets, lat)
		if lat > maxOnset {
			t.Errorf("play %d (%v): sounded %v after Play, want at most %v", i, pl.c, lat, maxOnset)
		}
		if lat < -20*time.Millisecond {
			t.Errorf("play %d (%v): sounded %v before Play: the recording's clock mapping is off", i, pl.c, -lat)
		}
		end := min(at+durationToSamples(pl.c.Duration()), len(samples))
		heard, margin := identify(samples[at:end])
		if heard != pl.c || margin < 10 {
			t.Errorf("play %d: asked for %v, heard %v (by %.1f times the next chime's power)", i, pl.c, heard, margin)
		}
	}
	if len(onsets) > 0 {
		slices.Sort(onsets)
		t.Logf("onset after Play over %d plays: median %v, worst %v, best %v",
			len(onsets), onsets[len(onsets)/2], onsets[len(onsets)-1], onsets[0])
	}
}

// A restarted server (a new session, a crash) has dropped the kept
// connection and the uploaded chimes: the next Play still succeeds, on a new
// connection with a new upload.
func TestPulseAudioRestart(t *testing.T) {
	srv := startPulse(t)
	p := NewPlayer(Config{})
	defer p.Close()
	if _, err := within(t, p.Play(PackOn), 5*time.Second); err != nil {
		t.Fatalf("first Play: %v", err)
	}
	srv.Stop()
	srv.Start()
	if _, err := within(t, p.Play(PackOff), 5*time.Second); err != nil {
		t.Fatalf("Play after the server restarted: %v\n%s", err, srv.Log)
	}
	// While it is down, Play says so, in time.
	srv.Stop()
	took, err := within(t, p.Play(Done), 5*time.Second)
	if !errors.Is(err, ErrNoServer) {
		t.Errorf("Play with the server gone: %v (after %v), want ErrNoServer", err, took)
	}
}

// No server at all: Play answers ErrNoServer at once, well within the
// timeout, and the caller rings the bell.
func TestNoPulseServer(t *testing.T) {
	t.Setenv("PULSE_SERVER", "unix:"+filepath.Join(t.TempDir(), "nothing-here"))
	const timeout = 500 * time.Millisecond
	p := NewPlayer(Config{Timeout: timeout})
	defer p.Close()
	for range 3 {
		took, err := within(t, p.Play(PackOff), timeout+2*time.Second)
		if !errors.Is(err, ErrNoServer) {
			t.Fatalf("Play with no server: %v, want ErrNoServer", err)
		}
		if took > timeout {
			t.Errorf("answered after %v, beyond the timeout %v", took, timeout)
		}
	}
}

// silentPulseServer points this process at a server that accepts
// connections and never reads from them nor answers, as a frozen sound
// server would.
func silentPulseServer(tb testing.TB) {
	tb.Helper()
	sock := filepath.Join(tb.TempDir(), "silent")
	l, err := net.Listen("unix", sock)
	if err != nil {
		tb.Fatal(err)
	}
	held := make(chan net.Conn, 16)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				close(held)
				return
			}
			held <- c // accepted, read from by nobody, answered never
		}
	}()
	tb.Cleanup(func() {
		l.Close()
		for c := range held {
			c.Close()
		}
	})
	tb.Setenv("PULSE_SERVER", "unix:"+sock)
}

// A server that accepts the connection and never answers: Play answers
// ErrTimeout, and so does the next one; the connection attempt's own
// deadline ends it, so nothing is left stuck. How soon after the timeout
// is BenchmarkSilentPulseServer's figure; the bound here is generous, for a
// loaded machine.
func TestSilentPulseServer(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out timeouts on a real socket")
	}
	silentPulseServer(t)
	const timeout = 300 * time.Millisecond
	p := NewPlayer(Config{Timeout: timeout})
	defer p.Close()
	for i := range 3 {
		took, err := within(t, p.Play(PackOff), timeout+2*time.Second)
		if !errors.Is(err, ErrTimeout) {
			t.Fatalf("Play %d on a silent server: %v, want ErrTimeout", i, err)
		}
		t.Logf("Play %d: %v after %v", i, err, took)
	}
}

// BenchmarkSilentPulseServer is how long Play takes to answer ErrTimeout on
// a silent server with a 100 ms timeout (ns/op): the backend's own
// deadline, a tenth before the timeout, normally ends the attempt.
func BenchmarkSilentPulseServer(b *testing.B) {
	silentPulseServer(b)
	p := NewPlayer(Config{Timeout: 100 * time.Millisecond})
	defer p.Close()
	for b.Loop() {
		if err := <-p.Play(PackOff); !errors.Is(err, ErrTimeout) {
			b.Fatalf("Play on a silent server: %v, want ErrTimeout", err)
		}
	}
}
