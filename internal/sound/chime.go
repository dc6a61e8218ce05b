package sound

import (
	"fmt"
	"time"
)

// Chime is one of the sounds icetimer plays.
type Chime int

// The chimes, from the gentlest to the most insistent.
const (
	// PackOn asks to put a pack on: a soft rise from PackOnFirstHz to
	// PackOnSecondHz.
	PackOn Chime = iota
	// PackOff asks to take the pack off, the reminder that prevents harm: two
	// bursts of three loud, sharp beeps alternating PackOffHighHz and
	// PackOffLowHz.
	PackOff
	// Done says the course is over: a falling figure DoneFirstHz,
	// DoneSecondHz, DoneThirdHz.
	Done
)

// The chimes' note frequencies in hertz. Every note is a pure sine, so a
// chime has energy at its own frequencies only: a harmonic of PackOn's 660 Hz
// would land on PackOff's 1320 Hz and blur the difference a listener (and
// the tests' Goertzel filter) relies on.
const (
	PackOnFirstHz  = 660
	PackOnSecondHz = 880

	PackOffHighHz = 1760
	PackOffLowHz  = 1320

	DoneFirstHz  = 1040
	DoneSecondHz = 780
	DoneThirdHz  = 520
)

// SampleRate is the chimes' sample rate in hertz; they are 16-bit signed
// little-endian mono PCM.
const SampleRate = 44100

// chimes lists every Chime, for loops in the package and its tests.
var chimes = []Chime{PackOn, PackOff, Done}

// String names the chime as a person would: "pack on".
func (c Chime) String() string {
	switch c {
	case PackOn:
		return "pack on"
	case PackOff:
		return "pack off"
	case Done:
		return "done"
	}
	return fmt.Sprintf("Chime(%d)", int(c))
}

// Frequencies returns the chime's note frequencies in hertz, in the order
// they sound, each listed once.
func (c Chime) Frequencies() []float64 {
	seen := map[float64]bool{}
	var fs []float64
	for _, n := range c.score() {
		if !seen[n.hz] {
			seen[n.hz] = true
			fs = append(fs, n.hz)
		}
	}
	return fs
}

// Duration is how long the chime sounds (its PCM's length).
func (c Chime) Duration() time.Duration {
	samples := len(c.pcm()) / 2
	return time.Duration(samples) * time.Second / SampleRate
}

func (c Chime) valid() bool { return c >= PackOn && c <= Done }
