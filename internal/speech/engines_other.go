//go:build !linux && !darwin && !windows

package speech

// engines are the BSDs': speech-dispatcher, where it runs.
func engines() []engine { return []engine{newSpeechd()} }
