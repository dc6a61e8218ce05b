package speech

// engines are Linux's, in the order they are tried: the person's own
// speech-dispatcher first, then espeak-ng.
func engines() []engine { return []engine{newSpeechd(), newEspeak()} }
