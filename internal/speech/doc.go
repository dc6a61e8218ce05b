// Package speech says icetimer's reminders aloud without ever blocking the
// caller.
//
// The person may lie on the floor with their eyes closed, or be in another
// room: a chime says that something changed, a voice says what ("Take the
// ice pack off. Rest twenty minutes."). A Speaker hands each text to the
// system's speech on one worker goroutine, bounds every attempt with a
// timeout and answers each Say with an error value.
//
// The engines, tried in this order at every Say, the first one available
// speaking:
//
//   - Linux (and the BSDs): speech-dispatcher, over its SSIP protocol on
//     its Unix socket, so that the person's own synthesizer, voice, language
//     and rate apply, as with their screen reader. Its connection is kept
//     between reminders and made again when it drops; a daemon that is not
//     running is never started from here.
//   - Linux: espeak-ng, its output played through PulseAudio the way the
//     chimes are (sound.ClipPlayer).
//   - macOS: say. Windows: the system's speech (SAPI, through PowerShell's
//     System.Speech). Both are cgo-free: they are programs we run.
//
// When none is available, Say answers ErrNoSpeech, saying why for each.
package speech
