package speech

import "time"

// say speaks through macOS's say, with the voice and rate set in the
// system's Spoken Content settings; it reads the text from its standard
// input and exits once it has spoken.
type say struct{ prog *program }

// engines are macOS's: say.
func engines() []engine { return []engine{&say{prog: newProgram("say")}} }

func (*say) name() string { return "say" }

func (e *say) speak(text string, ready func() error, deadline time.Time) error {
	if err := ready(); err != nil {
		return err
	}
	_, err := e.prog.run(text, deadline)
	return err
}

func (e *say) close() { e.prog.close() }
