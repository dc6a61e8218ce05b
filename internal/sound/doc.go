// Package sound plays icetimer's chimes without ever blocking the caller.
//
// A person lying on the floor with an ice pack across the room must hear
// when to take it off; a desktop popup or a terminal bell is easily missed.
// A Player hands each chime to the sound server on one worker goroutine,
// bounds every attempt with a timeout and answers each Play with an error
// value, so the caller rings the terminal bell when the sound did not reach
// the server.
//
// The chimes are generated here (pure sine tones with an envelope, 16-bit
// mono PCM at SampleRate), so icetimer ships no sound files and every chime
// is ours. Each chime's notes sit at frequencies no other chime uses (see the
// *Hz constants), which is how the tests tell them apart in a recording.
//
// On Linux a ClipPlayer plays other sounds of ours the same way (a spoken
// reminder from espeak-ng, for package speech); its caller bounds it.
//
// Everything is cgo-free: on Linux the Player speaks PulseAudio's native
// protocol (which PipeWire's pulse server speaks too) through
// github.com/jfreymuth/pulse; on macOS and Windows it plays through
// github.com/ebitengine/oto/v3.
package sound
