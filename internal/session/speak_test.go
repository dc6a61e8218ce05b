package session

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/sound"
	"github.com/icetimer/icetimer/internal/speech"
	"github.com/icetimer/icetimer/internal/words"
)

// utterance is one Say a session made.
type utterance struct {
	text  string
	after time.Duration
}

// voiceOf records what a session says, and answers each Say with the
// next of its answers (nil once they run out).
type voiceOf struct {
	said    chan utterance
	answers []error
}

func (v *voiceOf) Say(text string, after time.Duration) <-chan error {
	v.said <- utterance{text, after}
	answer := make(chan error, 1)
	if len(v.answers) > 0 {
		answer <- v.answers[0]
		v.answers = v.answers[1:]
	} else {
		answer <- nil
	}
	return answer
}

func (v *voiceOf) Close() {}

// A reminder is said aloud after its chime (speech.AfterChime), at once
// with no chime to wait for, and not at all when it has nothing to say
// (quiet hours).
func TestRemindSpeaksAfterTheChime(t *testing.T) {
	c := iceCourse(testStart)
	at := testStart.Add(20 * time.Minute)
	off := words.For(c, c.Transitions(at, at.Add(time.Nanosecond)), c.StateAt(at), time.UTC)
	for _, tc := range []struct {
		name   string
		player Player
		r      words.Reminder
		want   *utterance
	}{
		{"with the chime", &chimes{}, off, &utterance{off.Spoken, speech.AfterChime(sound.PackOff)}},
		{"sound off", nil, off, &utterance{off.Spoken, 0}},
		{"nothing to say", &chimes{}, words.Reminder{Title: "Remove the ice pack", Urgent: true}, nil},
	} {
		voice := &voiceOf{said: make(chan utterance, 4)}
		s, err := Open(t.TempDir(), Options{Clock: func() time.Time { return at }, Player: tc.player, Speaker: voice})
		if err != nil {
			t.Fatal(err)
		}
		<-s.Remind(tc.r, at)
		s.Close()
		close(voice.said)
		got, ok := <-voice.said
		switch {
		case tc.want == nil && ok:
			t.Errorf("%s: said %+v, want nothing", tc.name, got)
		case tc.want != nil && (!ok || got != *tc.want):
			t.Errorf("%s: said %+v (%v), want %+v", tc.name, got, ok, *tc.want)
		}
	}
	if !strings.HasPrefix(off.Spoken, "Take the ice pack off.") {
		t.Fatalf("the reminder says %q", off.Spoken)
	}
}

// No voice is one line, once: not again while it stays away, again after
// it came back and went once more; a voice stopped by the process quitting
// is no trouble.
func TestNoVoiceIsOneLineOnce(t *testing.T) {
	gone := errors.New("no speech engine (speech-dispatcher: not running; espeak-ng: not installed)")
	voice := &voiceOf{said: make(chan utterance, 8), answers: []error{gone, gone, nil, gone, speech.ErrClosed}}
	s, err := Open(t.TempDir(), Options{Clock: func() time.Time { return testStart }, Speaker: voice})
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		<-s.Remind(words.Reminder{Spoken: "Put the ice pack on."}, testStart)
		s.AwaitVoice(time.Minute) // each answer is taken before the next Say
	}
	s.Close()
	var lines []string
	for len(s.Troubles()) > 0 {
		lines = append(lines, (<-s.Troubles()).Error())
	}
	want := words.Unspoken + ": " + gone.Error()
	if len(lines) != 2 || lines[0] != want || lines[1] != want {
		t.Fatalf("trouble lines %q, want twice %q (the first failure, and the first after speech came back)", lines, want)
	}
}
