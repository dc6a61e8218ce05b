package sound

import (
	"encoding/binary"
	"math"
)

// goertzel is the power of samples at hz, normalised by their count: the
// single-bin DFT a tone detector uses.
func goertzel(samples []float64, hz float64) float64 {
	w := 2 * math.Pi * hz / SampleRate
	coeff := 2 * math.Cos(w)
	var s1, s2 float64
	for _, x := range samples {
		s0 := x + coeff*s1 - s2
		s2, s1 = s1, s0
	}
	p := s1*s1 + s2*s2 - coeff*s1*s2
	return p / float64(len(samples)*len(samples))
}

// identify says which chime samples sound like: the one whose notes hold
// the most power, and how many times more than the runner-up's. A chime's
// score is its weakest note's power, so a chime counts only when every one
// of its notes is there.
func identify(samples []float64) (best Chime, margin float64) {
	scores := map[Chime]float64{}
	for _, c := range chimes {
		weakest := math.Inf(1)
		for _, hz := range c.Frequencies() {
			weakest = min(weakest, goertzel(samples, hz))
		}
		scores[c] = weakest
	}
	best, second := Chime(-1), Chime(-1)
	for _, c := range chimes {
		switch {
		case best < 0 || scores[c] > scores[best]:
			best, second = c, best
		case second < 0 || scores[c] > scores[second]:
			second = c
		}
	}
	return best, scores[best] / max(scores[second], 1e-30)
}

// decode turns 16-bit little-endian PCM into samples in [-1, 1].
func decode(pcm []byte) []float64 {
	s := make([]float64, len(pcm)/2)
	for i := range s {
		s[i] = float64(int16(binary.LittleEndian.Uint16(pcm[2*i:]))) / math.MaxInt16
	}
	return s
}

// onsetLevel is the level that counts as sound: about -40 dBFS, far above
// the null sink's digital silence and far below any chime's peak.
const onsetLevel = 0.01

// onset is the index of the first sample at or after from whose level
// reaches onsetLevel, or -1.
func onset(samples []float64, from int) int {
	for i := max(from, 0); i < len(samples); i++ {
		if math.Abs(samples[i]) >= onsetLevel {
			return i
		}
	}
	return -1
}
