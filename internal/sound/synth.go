package sound

import (
	"encoding/binary"
	"math"
	"sync"
)

// note is one tone of a chime.
type note struct {
	hz    float64
	start float64 // seconds from the chime's start
	dur   float64 // seconds
	amp   float64 // peak, as a fraction of full scale
	// bell decays after the attack like a struck bell (gentle); otherwise
	// the tone holds at full level until a short release (a sharp beep).
	bell bool
}

// score is the chime's notes. The levels rank the chimes: PackOff is the
// loudest since it is the one that must not be missed.
func (c Chime) score() []note {
	switch c {
	case PackOn:
		return []note{
			{hz: PackOnFirstHz, start: 0, dur: 0.4, amp: 0.45, bell: true},
			{hz: PackOnSecondHz, start: 0.3, dur: 0.55, amp: 0.45, bell: true},
		}
	case PackOff:
		var ns []note
		for burst := range 2 {
			for i, hz := range []float64{PackOffHighHz, PackOffLowHz, PackOffHighHz} {
				ns = append(ns, note{hz: hz, start: float64(burst)*0.6 + float64(i)*0.15, dur: 0.1, amp: 0.9})
			}
		}
		return ns
	case Done:
		return []note{
			{hz: DoneFirstHz, start: 0, dur: 0.45, amp: 0.55, bell: true},
			{hz: DoneSecondHz, start: 0.3, dur: 0.45, amp: 0.55, bell: true},
			{hz: DoneThirdHz, start: 0.6, dur: 0.75, amp: 0.55, bell: true},
		}
	}
	return nil
}

// Envelope times in seconds. The attack is short enough that a chime starts
// when it is due, long enough not to click; the release ends every note at
// zero, again so it does not click.
const (
	beepAttack  = 0.004
	bellAttack  = 0.015
	release     = 0.02
	bellDecayTo = 0.15 // a bell note's level at its end, before the release
)

// envelope is a note's level at t seconds into it, in [0, 1].
func (n note) envelope(t float64) float64 {
	attack := beepAttack
	if n.bell {
		attack = bellAttack
	}
	e := 1.0
	if t < attack {
		e = t / attack
	}
	if n.bell && t >= attack {
		// Exponential decay from 1 at the attack's end to bellDecayTo at the
		// note's end.
		e = math.Pow(bellDecayTo, (t-attack)/(n.dur-attack))
	}
	if left := n.dur - t; left < release {
		e *= max(left, 0) / release
	}
	return e
}

// render mixes the notes into 16-bit PCM. Overlapping notes add up; the
// scores keep their sum below full scale.
func render(ns []note) []byte {
	end := 0.0
	for _, n := range ns {
		end = max(end, n.start+n.dur)
	}
	samples := make([]float64, int(math.Ceil(end*SampleRate)))
	for _, n := range ns {
		first := int(math.Round(n.start * SampleRate))
		count := int(math.Round(n.dur * SampleRate))
		for i := range count {
			t := float64(i) / SampleRate
			samples[first+i] += n.amp * n.envelope(t) * math.Sin(2*math.Pi*n.hz*t)
		}
	}
	pcm := make([]byte, 2*len(samples))
	for i, s := range samples {
		v := int16(math.Round(max(-1, min(1, s)) * math.MaxInt16))
		binary.LittleEndian.PutUint16(pcm[2*i:], uint16(v))
	}
	return pcm
}

// rendered holds every chime's PCM, made once on first use (a few
// milliseconds, about 300 KB in all).
var rendered = sync.OnceValue(func() map[Chime][]byte {
	m := map[Chime][]byte{}
	for _, c := range chimes {
		m[c] = render(c.score())
	}
	return m
})

// pcm is the chime's sound: 16-bit signed little-endian mono at SampleRate.
// Callers must not modify it.
func (c Chime) pcm() []byte { return rendered()[c] }
