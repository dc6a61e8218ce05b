package speech

import (
	"errors"
	"fmt"
	"time"

	"github.com/icetimer/icetimer/internal/sound"
)

// espeak speaks through espeak-ng, played through PulseAudio the way the
// chimes are: espeak-ng writes the speech as WAV, the clip player hands it
// to the sound server. With no sound server it is unavailable.
type espeak struct {
	prog  *program
	clips *sound.ClipPlayer
}

func newEspeak() *espeak {
	return &espeak{prog: newProgram("espeak-ng", "--stdout"), clips: sound.NewClipPlayer()}
}

func (*espeak) name() string { return "espeak-ng" }

// speak renders the whole text first (espeak-ng writes its WAV to the
// end before it exits), while the chime plays, then plays it when due.
func (e *espeak) speak(text string, ready func() error, deadline time.Time) error {
	wav, err := e.prog.run(text, deadline)
	if err != nil {
		return err
	}
	pcm, rate, err := decodeWAV(wav)
	if err != nil {
		return fmt.Errorf("its output: %w", err)
	}
	if err := ready(); err != nil {
		return err
	}
	clip := sound.Clip{Name: "speech", PCM: pcm, Rate: rate}
	if err := e.clips.Play(clip, deadline); err != nil {
		if errors.Is(err, sound.ErrNoServer) {
			return unavailable{err}
		}
		return err
	}
	// Spoken to its end once the server has played it all; a clip longer
	// than the time left plays on, unwaited for.
	end := time.Now().Add(clip.Duration())
	timer := time.NewTimer(time.Until(earlier(end, deadline)))
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-e.prog.ctx.Done():
		return ErrClosed
	}
	if end.After(deadline) {
		return fmt.Errorf("%w: the speech lasts %s", ErrTimeout, clip.Duration().Round(time.Second))
	}
	return nil
}

func (e *espeak) close() {
	e.prog.close()
	e.clips.Close()
}
