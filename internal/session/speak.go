package session

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/icetimer/icetimer/internal/sound"
	"github.com/icetimer/icetimer/internal/speech"
	"github.com/icetimer/icetimer/internal/words"
)

// Speaker says reminders aloud without blocking the caller: a
// *speech.Speaker.
type Speaker interface {
	// Say returns at once and speaks text no sooner than after from now;
	// the channel receives nil once it has been said, or why not.
	Say(text string, after time.Duration) <-chan error
	// Close gives up what is queued and answers it at once.
	Close()
}

// voice remembers whether the speaker is failing, so that an outage is
// one line, not one per reminder; saying counts the texts not yet
// answered.
type voice struct {
	mu      sync.Mutex
	failing bool
	saying  sync.WaitGroup
}

// speak says r aloud after chime, which was just started (none when ok is
// false): the voice comes after the chime, not over it. A reminder with
// nothing to say (during quiet hours) is not spoken. The first failure
// after speech worked (or the first at all) is a line on Troubles; the
// reminders go on as before.
func (s *Session) speak(r words.Reminder, chime sound.Chime, ok bool) {
	if s.speaker == nil || r.Spoken == "" {
		return
	}
	var after time.Duration
	if ok {
		after = speech.AfterChime(chime)
	}
	said := s.speaker.Say(r.Spoken, after)
	s.voice.saying.Go(func() { s.spoken(<-said) })
}

// AwaitVoice waits, at most d, until what is being said aloud has been
// said (or has failed): for a driver whose course is over, so that its
// last reminder is heard to its end before the process goes.
func (s *Session) AwaitVoice(d time.Duration) {
	said := make(chan struct{})
	go func() {
		s.voice.saying.Wait()
		close(said)
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-said:
	case <-timer.C:
	}
}

// spoken takes what became of a text: a failure is told if speech worked
// until now.
func (s *Session) spoken(err error) {
	if errors.Is(err, speech.ErrClosed) {
		return // the process is quitting: nothing went wrong
	}
	s.voice.mu.Lock()
	tell := err != nil && !s.voice.failing
	s.voice.failing = err != nil
	s.voice.mu.Unlock()
	if tell {
		s.troubled(fmt.Errorf("%s: %w", words.Unspoken, err))
	}
}
