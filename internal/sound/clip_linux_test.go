package sound

import (
	"testing"
	"time"
)

// tone is a clip of one sine at hz for dur, at rate.
func tone(name string, hz float64, dur time.Duration, rate int) Clip {
	pcm := render([]note{{hz: hz, dur: dur.Seconds(), amp: 0.5}})
	if rate != SampleRate {
		// Every other sample: the same tone at half the rate.
		half := make([]byte, 0, len(pcm)/2)
		for i := 0; i+3 < len(pcm); i += 4 {
			half = append(half, pcm[i], pcm[i+1])
		}
		pcm = half
	}
	return Clip{Name: name, PCM: pcm, Rate: rate}
}

// Two clips under one name, at another rate than the chimes': each is
// heard, at its own pitch (the second replaced the first in the cache),
// soon after Play.
func TestClipsReachPulseAudio(t *testing.T) {
	srv := startPulse(t)
	base := time.Now()
	rec := record(t, "t.monitor", base)
	if !rec.until(300*time.Millisecond, 10*time.Second) {
		t.Fatal("the recorder got no audio from t.monitor within 10 s")
	}
	p := NewClipPlayer()
	defer p.Close()
	for _, hz := range []float64{500, 1200} {
		c := tone("test", hz, 400*time.Millisecond, SampleRate/2)
		if c.Duration() != 400*time.Millisecond {
			t.Fatalf("Duration %v, want 400ms", c.Duration())
		}
		at := time.Since(base)
		if err := p.Play(c, time.Now().Add(DefaultTimeout)); err != nil {
			t.Fatalf("Play: %v\n%s", err, srv.Log)
		}
		if !rec.until(at+c.Duration()+300*time.Millisecond, 10*time.Second) {
			t.Fatal("the recording stalled")
		}
		samples, zero := rec.snapshot()
		from := durationToSamples(at - 50*time.Millisecond - zero)
		start := onset(samples, from)
		if start < 0 {
			t.Fatalf("the %v Hz clip was not heard", hz)
		}
		lat := zero + samplesToDuration(start) - at
		heard := samples[start:min(start+durationToSamples(c.Duration()), len(samples))]
		if on, off := goertzel(heard, hz), goertzel(heard, 1700-hz); on < 100*off {
			t.Errorf("the %v Hz clip: power %g there, %g at the other clip's pitch", hz, on, off)
		}
		t.Logf("%v Hz clip sounded %v after Play", hz, lat)
		if lat > maxOnset {
			t.Errorf("the %v Hz clip sounded %v after Play, want at most %v", hz, lat, maxOnset)
		}
	}
}

func TestClipThatIsNot(t *testing.T) {
	p := NewClipPlayer()
	defer p.Close()
	for _, c := range []Clip{{Name: "empty", Rate: 8000}, {Name: "odd", PCM: []byte{1, 2, 3}, Rate: 8000}, {Name: "no rate", PCM: []byte{1, 2}}} {
		if err := p.Play(c, time.Now().Add(time.Second)); err == nil {
			t.Errorf("%s: played", c.Name)
		}
	}
}
