package speech

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/sound"
	"github.com/icetimer/icetimer/internal/testaudio"
)

// startPulse starts a private PulseAudio with a null sink for the test and
// records its monitor.
func startPulse(t *testing.T) (*testaudio.Pulse, *testaudio.Recorder) {
	t.Helper()
	if testing.Short() {
		t.Skip("speaks into a real PulseAudio server; run without -short")
	}
	p := testaudio.StartPulse(t)
	return p, testaudio.Record(t, p)
}

// noSpeechd points speech-dispatcher's clients at an empty runtime
// directory: no daemon there.
func noSpeechd(t *testing.T) string {
	dir := t.TempDir()
	t.Setenv("XDG_RUNTIME_DIR", dir)
	t.Setenv("SPEECHD_ADDRESS", "")
	return dir
}

// spy counts the texts an engine said.
type spy struct {
	engine
	said atomic.Int32
}

func (s *spy) speak(text string, ready func() error, deadline time.Time) error {
	err := s.engine.speak(text, ready, deadline)
	if err == nil {
		s.said.Add(1)
	}
	return err
}

// spiedSpeaker is New's Speaker with every engine watched, by name.
func spiedSpeaker(t *testing.T) (*Speaker, map[string]*spy) {
	spies := map[string]*spy{}
	var es []engine
	for _, e := range engines() {
		s := &spy{engine: e}
		spies[e.name()] = s
		es = append(es, s)
	}
	s := newSpeaker(es, Config{}, MaxAfter)
	t.Cleanup(s.Close)
	return s, spies
}

// counts says how many texts each engine said: "speech-dispatcher 3,
// espeak-ng 0".
func counts(spies map[string]*spy) string {
	var s []string
	for _, name := range []string{"speech-dispatcher", "espeak-ng"} {
		s = append(s, fmt.Sprintf("%s %d", name, spies[name].said.Load()))
	}
	return strings.Join(s, ", ")
}

// utterances is how many texts a latency is measured over:
// ICETIMER_SPEECH_UTTERANCES, else 10.
func utterances(t *testing.T) int {
	n, err := strconv.Atoi(os.Getenv("ICETIMER_SPEECH_UTTERANCES"))
	if err != nil || n < 1 {
		return 10
	}
	return n
}

// maxLatency is the most a text may take from Say to its first sound once
// the engine is warm, as the median of the utterances timed. The issue asks
// for speech within 2 s of a change, after a chime of at most 1.4 s: a warm
// engine takes well under 0.2 s (bench/speech.sh). No single utterance may
// take over stragglerLatency, the whole 2 s: a bound generous enough for a
// loaded machine, where one utterance in ten may take 0.7 s.
const (
	maxLatency       = 600 * time.Millisecond
	stragglerLatency = 2 * time.Second
)

// heard says text and returns how long after Say it began to sound and
// how long the answer took. The recording must be silent before Say, the
// sound must begin before the answer, and what follows the onset must be
// speech-loud.
func heard(t *testing.T, s *Speaker, rec *testaudio.Recorder, text string) (onset, answered time.Duration) {
	t.Helper()
	if !rec.Quiet(300*time.Millisecond, 15*time.Second) {
		t.Fatal("the sink did not fall silent within 15 s")
	}
	at := rec.Now()
	answered, err := within(t, s.Say(text, 0), DefaultTimeout+MaxAfter+5*time.Second)
	if err != nil {
		t.Fatalf("Say(%q): %v", text, err)
	}
	if !rec.Until(at+answered+300*time.Millisecond, 10*time.Second) {
		t.Fatal("the recording stalled")
	}
	start, ok := rec.Onset(at-50*time.Millisecond, at+answered+300*time.Millisecond)
	if !ok {
		t.Fatalf("Say(%q) answered nil after %v, and nothing sounded", text, answered)
	}
	if level := rec.Level(start, at+answered); level < 0.02 {
		t.Errorf("Say(%q): RMS %.4f after the onset: not speech", text, level)
	}
	if before := rec.Level(at-300*time.Millisecond, at-50*time.Millisecond); before > testaudio.SilenceRMS {
		t.Errorf("RMS %.4f before Say: the sink was not silent", before)
	}
	return start - at, answered
}

// timedText is what the latency is measured with: a reminder's opening.
// Its first sound comes after its own leading silence (the closure of the
// t, some 40 ms), and the recording places it when the null sink mixed it,
// which may be a few milliseconds ahead of the wall clock ("Ice off." can
// read -5 ms).
const timedText = "Take the ice pack off."

// latencies says timedText once to warm the engine up, then n times, and
// logs how long each took to sound: the first, then the median and worst
// of the others. The median must be within maxLatency, each within
// stragglerLatency.
func latencies(t *testing.T, s *Speaker, rec *testaudio.Recorder, engine string, n int) {
	t.Helper()
	cold, _ := heard(t, s, rec, timedText)
	var ls []time.Duration
	for i := range n {
		l, _ := heard(t, s, rec, timedText)
		if l > stragglerLatency {
			t.Errorf("utterance %d sounded %v after Say, want at most %v", i, l, stragglerLatency)
		}
		ls = append(ls, l)
	}
	slices.Sort(ls)
	median := ls[len(ls)/2]
	t.Logf("latency %s: Say to first sound over %d utterances: median %v, worst %v, best %v (the first, cold: %v)",
		engine, len(ls), median.Round(time.Millisecond), ls[len(ls)-1].Round(time.Millisecond),
		ls[0].Round(time.Millisecond), cold.Round(time.Millisecond))
	if median > maxLatency {
		t.Errorf("median latency %v, want at most %v", median, maxLatency)
	}
}

// With speech-dispatcher running, it speaks (espeak-ng, installed too, says
// nothing), soon after Say, and Say answers once the text has been said.
func TestSpeechDispatcherSpeaks(t *testing.T) {
	p, rec := startPulse(t)
	testaudio.StartSpeechd(t, p)
	s, spies := spiedSpeaker(t)

	latencies(t, s, rec, "speech-dispatcher", utterances(t))

	// A whole reminder; its answer comes when it has been said.
	text := "Take the ice pack off. Rest twenty minutes, then ice again at two forty in the afternoon."
	at := rec.Now()
	onset, answered := heard(t, s, rec, text)
	if !rec.Until(at+answered+time.Second, 10*time.Second) {
		t.Fatal("the recording stalled")
	}
	if after := rec.Level(at+answered+200*time.Millisecond, at+answered+time.Second); after > testaudio.SilenceRMS {
		t.Errorf("still sounding after Say answered (RMS %.4f): the answer came before the end", after)
	}
	t.Logf("a whole reminder: sounded after %v, answered after %v", onset, answered)
	if got := counts(spies); got != fmt.Sprintf("speech-dispatcher %d, espeak-ng 0", utterances(t)+2) {
		t.Errorf("spoken by: %s", got)
	}
}

// A speech-dispatcher that goes away: espeak-ng speaks instead; once it is
// back, it speaks again, on a new connection.
func TestSpeechDispatcherComesAndGoes(t *testing.T) {
	p, rec := startPulse(t)
	testaudio.Need(t, "espeak-ng", "espeak-ng")
	spd := testaudio.StartSpeechd(t, p)
	s, spies := spiedSpeaker(t)
	for _, step := range []struct {
		do   func()
		want string
	}{
		{func() {}, "speech-dispatcher 1, espeak-ng 0"},
		{spd.Stop, "speech-dispatcher 1, espeak-ng 1"},
		{spd.Start, "speech-dispatcher 2, espeak-ng 1"},
	} {
		step.do()
		heard(t, s, rec, "Ice on.")
		if got := counts(spies); got != step.want {
			t.Fatalf("spoken by: %s, want %s\n%s", got, step.want, spd.Log)
		}
	}
}

// No speech-dispatcher: espeak-ng speaks through PulseAudio.
func TestEspeakNgWithoutSpeechDispatcher(t *testing.T) {
	_, rec := startPulse(t)
	testaudio.Need(t, "espeak-ng", "espeak-ng")
	noSpeechd(t)
	s, spies := spiedSpeaker(t)

	latencies(t, s, rec, "espeak-ng", utterances(t))
	if got := counts(spies); got != fmt.Sprintf("speech-dispatcher 0, espeak-ng %d", utterances(t)+1) {
		t.Errorf("spoken by: %s", got)
	}
}

// A socket where speech-dispatcher should be that accepts and never
// answers: espeak-ng speaks after connectTimeout, and the next Say too.
func TestSilentSpeechDispatcher(t *testing.T) {
	_, rec := startPulse(t)
	testaudio.Need(t, "espeak-ng", "espeak-ng")
	sock := filepath.Join(noSpeechd(t), "speech-dispatcher", "speechd.sock")
	if err := os.Mkdir(filepath.Dir(sock), 0o700); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	held := make(chan net.Conn, 16)
	go func() {
		defer close(held)
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			held <- c // accepted, answered never
		}
	}()
	t.Cleanup(func() {
		l.Close()
		for c := range held {
			c.Close()
		}
	})
	s, spies := spiedSpeaker(t)
	for i := range 2 {
		onset, answered := heard(t, s, rec, "Ice on.")
		t.Logf("Say %d: sounded after %v, answered after %v", i, onset, answered)
		if onset < connectTimeout || onset > connectTimeout+2*time.Second {
			t.Errorf("Say %d sounded after %v, want soon after the %v given to connect", i, onset, connectTimeout)
		}
	}
	if got := counts(spies); got != "speech-dispatcher 0, espeak-ng 2" {
		t.Errorf("spoken by: %s", got)
	}
}

// espeak-ng with no sound server to play it: no speech, said at once.
func TestEspeakNgWithoutSoundServer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs espeak-ng; run without -short")
	}
	testaudio.Need(t, "espeak-ng", "espeak-ng")
	noSpeechd(t)
	t.Setenv("PULSE_SERVER", "unix:"+filepath.Join(t.TempDir(), "nothing-here"))
	s := New(Config{})
	defer s.Close()
	took, err := within(t, s.Say("Ice on.", 0), DefaultTimeout)
	if !errors.Is(err, ErrNoSpeech) || !strings.Contains(err.Error(), "espeak-ng: ") || !strings.Contains(err.Error(), "no sound server") {
		t.Errorf("answer %v, want ErrNoSpeech saying there is no sound server", err)
	}
	t.Logf("answered after %v: %v", took, err)
}

// A reminder as the caller makes it: the chime, then the voice after it
// (AfterChime), which begins once the chime has ended and within the 2 s
// the issue allows from the change.
func TestSpeechAfterTheChime(t *testing.T) {
	p, rec := startPulse(t)
	testaudio.StartSpeechd(t, p)
	s, _ := spiedSpeaker(t)
	heard(t, s, rec, "Warming up.") // the first text after a start may take longer
	player := sound.NewPlayer(sound.Config{})
	defer player.Close()
	if !rec.Quiet(300*time.Millisecond, 15*time.Second) {
		t.Fatal("the sink did not fall silent within 15 s")
	}

	at := rec.Now()
	chime := player.Play(sound.PackOff)
	said := s.Say("Take the ice pack off.", AfterChime(sound.PackOff))
	if _, err := within(t, chime, 5*time.Second); err != nil {
		t.Fatalf("the chime: %v", err)
	}
	answered, err := within(t, said, DefaultTimeout+MaxAfter)
	if err != nil {
		t.Fatalf("the voice: %v", err)
	}
	end := at + answered + 300*time.Millisecond
	if !rec.Until(end, 10*time.Second) {
		t.Fatal("the recording stalled")
	}
	chimed, ok := rec.Onset(at-50*time.Millisecond, end)
	if !ok || chimed-at > 300*time.Millisecond {
		t.Fatalf("the chime did not sound within 300 ms of its Play (onset %v, found %v)", chimed-at, ok)
	}
	chimeEnd := chimed + sound.PackOff.Duration()
	voice, ok := rec.Onset(chimeEnd+50*time.Millisecond, end)
	if !ok {
		t.Fatal("no voice after the chime")
	}
	if gap := rec.Level(chimeEnd+50*time.Millisecond, voice-10*time.Millisecond); gap > testaudio.SilenceRMS {
		t.Errorf("no silence between the chime and the voice (RMS %.4f)", gap)
	}
	t.Logf("chime at %v, its end at %v, the voice at %v after the change", chimed-at, chimeEnd-at, voice-at)
	if voice-at > 2*time.Second {
		t.Errorf("the voice began %v after the change, want within 2 s", voice-at)
	}
}
