package schedule

import "time"

// WithFirstWindow is p with its first stage's window set to w, for a preset
// whose window the person chose. p's stages may be shared (a catalogue
// entry), so they are copied, never changed in place.
func (p Protocol) WithFirstWindow(w time.Duration) Protocol {
	stages := append([]Stage(nil), p.Stages...)
	stages[0].Window = w
	return Protocol{Stages: stages}
}
