package speech

import (
	"encoding/base64"
	"time"
	"unicode/utf16"
)

// sapiScript speaks what comes on standard input with the system's voice
// (SAPI through .NET's System.Speech, in Windows PowerShell since 2.0),
// with the voice and rate set in the system's speech settings, and exits
// once it has spoken. The text comes on standard input, never in the
// command line, so nothing in it is ever quoting to get right.
const sapiScript = `$ErrorActionPreference = 'Stop'
[Console]::InputEncoding = [Text.Encoding]::UTF8
Add-Type -AssemblyName System.Speech
$voice = New-Object System.Speech.Synthesis.SpeechSynthesizer
$voice.Speak([Console]::In.ReadToEnd())
$voice.Dispose()`

// sapi speaks through PowerShell (cgo-free: a program we run).
type sapi struct{ prog *program }

// engines are Windows's: the system's speech.
func engines() []engine {
	return []engine{&sapi{prog: newProgram("powershell.exe",
		"-NoLogo", "-NoProfile", "-NonInteractive", "-EncodedCommand", encodeCommand(sapiScript))}}
}

func (*sapi) name() string { return "Windows speech" }

func (e *sapi) speak(text string, ready func() error, deadline time.Time) error {
	if err := ready(); err != nil {
		return err
	}
	_, err := e.prog.run(text, deadline)
	return err
}

func (e *sapi) close() { e.prog.close() }

// encodeCommand is script as -EncodedCommand takes it: UTF-16LE in base64.
func encodeCommand(script string) string {
	u := utf16.Encode([]rune(script))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		b[2*i], b[2*i+1] = byte(c), byte(c>>8)
	}
	return base64.StdEncoding.EncodeToString(b)
}
