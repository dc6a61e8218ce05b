package sound

import (
	"math"
	"testing"
	"time"
)

// Each chime, on its own, is told apart from the others by frequency, by a
// wide margin: the same filter the recording test uses on the real thing.
func TestChimesAreToldApartByFrequency(t *testing.T) {
	for _, c := range chimes {
		got, margin := identify(decode(c.pcm()))
		if got != c {
			t.Errorf("%v sounds like %v", c, got)
		}
		if margin < 100 {
			t.Errorf("%v: its notes hold only %.1f times the power of the next chime's", c, margin)
		}
	}
}

func TestChimeLengthsAndLevels(t *testing.T) {
	rms := map[Chime]float64{}
	for _, c := range chimes {
		d := c.Duration()
		if d < 500*time.Millisecond || d > 1500*time.Millisecond {
			t.Errorf("%v lasts %v, want 0.5-1.5 s", c, d)
		}
		s := decode(c.pcm())
		var sum, peak float64
		for _, x := range s {
			sum += x * x
			peak = max(peak, math.Abs(x))
		}
		rms[c] = math.Sqrt(sum / float64(len(s)))
		if peak > 0.95 {
			t.Errorf("%v peaks at %.2f of full scale: too close to clipping", c, peak)
		}
		if peak < 0.4 {
			t.Errorf("%v peaks at %.2f of full scale: too quiet to hear across a room", c, peak)
		}
		// A chime that starts or ends away from zero clicks.
		if first, last := math.Abs(s[0]), math.Abs(s[len(s)-1]); first > 0.01 || last > 0.01 {
			t.Errorf("%v starts at %.3f and ends at %.3f, want both near 0", c, first, last)
		}
		t.Logf("%v: %v, rms %.3f, peak %.2f, notes %v Hz", c, d, rms[c], peak, c.Frequencies())
	}
	if rms[PackOff] <= rms[PackOn] || rms[PackOff] <= rms[Done] {
		t.Errorf("pack off (rms %.3f) is not the loudest: pack on %.3f, done %.3f", rms[PackOff], rms[PackOn], rms[Done])
	}
}

// The chime starts sounding at once: its onset is part of the 300 ms the
// person is promised.
func TestChimesStartAtOnce(t *testing.T) {
	for _, c := range chimes {
		at := onset(decode(c.pcm()), 0)
		if d := time.Duration(at) * time.Second / SampleRate; d > 5*time.Millisecond {
			t.Errorf("%v is audible only %v after it starts", c, d)
		}
	}
}

func TestChimeNames(t *testing.T) {
	for c, want := range map[Chime]string{PackOn: "pack on", PackOff: "pack off", Done: "done", 7: "Chime(7)"} {
		if got := c.String(); got != want {
			t.Errorf("Chime(%d).String() = %q, want %q", int(c), got, want)
		}
	}
}
