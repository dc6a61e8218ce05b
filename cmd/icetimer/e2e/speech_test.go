//go:build linux

package e2e

// Spoken reminders on the real engines (issue 26): `icetimer run --voice on`
// against a private PulseAudio whose null sink is recorded, with a private
// speech-dispatcher (its espeak-ng module), with espeak-ng alone, and with
// neither (internal/testaudio). Each change must sound its chime, then the
// voice, within 2 s of its instant; the latency from the change to the
// voice is logged per engine.

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/sound"
	"github.com/icetimer/icetimer/internal/testaudio"
)

// spokenCourse has a change every 8 s, time for a chime and a reminder said
// at the default rate (some 5 s) before the next: at +0 (ice on), +8 (ice
// off), +16, +24, and +32 (finished).
var spokenCourse = []string{"--cycle", "ice 8s, rest 8s", "--window", "32s", "--quiet", "off", "--repeat", "off", "--voice", "on"}

// spokenChanges is how many changes spokenCourse makes.
const spokenChanges = 5

// runSpoken runs `icetimer run` on spokenCourse to its end, with extra in
// its environment (and no desktop to notify), and returns its stdout lines,
// each with when it was read.
func runSpoken(t *testing.T, extra ...string) []stdoutLine {
	t.Helper()
	env := append([]string{"TZ=UTC", "DBUS_SESSION_BUS_ADDRESS=unix:path=" + filepath.Join(t.TempDir(), "no-bus")}, extra...)
	cmd := exec.Command(binary, append([]string{"run"}, spokenCourse...)...)
	cmd.Env = isolatedEnv(t, env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(90*time.Second, func() { _ = cmd.Process.Kill() })
	defer timer.Stop()
	var lines []stdoutLine
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		lines = append(lines, stdoutLine{text: strings.TrimLeft(sc.Text(), "\a"), read: time.Now()})
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("icetimer run: %v\nstdout %q\nstderr %s", err, lines, stderr.String())
	}
	return lines
}

// changeLines are run's reminder lines, one per change, in order.
func changeLines(t *testing.T, lines []stdoutLine) []stdoutLine {
	t.Helper()
	var out []stdoutLine
	for _, l := range lines {
		if reminderLineRe.MatchString(l.text) && chimeOf(title(l.text)) >= 0 {
			out = append(out, l)
		}
	}
	if len(out) != spokenChanges {
		t.Fatalf("%d reminder lines, want %d: %q", len(out), spokenChanges, lines)
	}
	return out
}

// chimeOf is the chime the reminder titled title plays; -1 for a line
// that is no reminder of spokenCourse.
func chimeOf(title string) sound.Chime {
	switch title {
	case "Put the ice pack on":
		return sound.PackOn
	case "Remove the ice pack":
		return sound.PackOff
	case "Course finished":
		return sound.Done
	}
	return -1
}

// heardChange is what sounded at one change: when its chime began, and
// when the voice after it began (none when there was no voice), as times
// since the recording's Base.
type heardChange struct {
	at, chime, chimeEnd, voice time.Duration
	spoken                     bool
}

// listen finds, in the recording, the chime of each change and the voice
// after it; each chime must begin within 500 ms of its change, the first's
// within 1.5 s (its instant is the second the course started in).
func listen(t *testing.T, rec *testaudio.Recorder, changes []stdoutLine) []heardChange {
	t.Helper()
	var heard []heardChange
	for i, l := range changes {
		h := heardChange{at: instant(t, l.text, l.read).Sub(rec.Base)}
		within := 500 * time.Millisecond
		if i == 0 {
			within += time.Second
		}
		// The next change is 8 s on: the voice, if any, began before it.
		if !rec.Until(h.at+7*time.Second, 20*time.Second) {
			t.Fatal("the recording stalled")
		}
		chime, ok := rec.Onset(h.at-50*time.Millisecond, h.at+2*time.Second)
		if !ok || chime-h.at > within {
			t.Fatalf("%q: no chime within %v of its change (found %v at %v)", l.text, within, ok, chime-h.at)
		}
		h.chime, h.chimeEnd = chime, chime+chimeOf(title(l.text)).Duration()
		h.voice, h.spoken = rec.Onset(h.chimeEnd+50*time.Millisecond, h.at+7*time.Second)
		if h.spoken {
			if level := rec.Level(h.voice, h.voice+300*time.Millisecond); level < 0.02 {
				t.Errorf("%q: RMS %.4f after the onset at %v: not speech", l.text, level, h.voice-h.at)
			}
			if gap := rec.Level(h.chimeEnd+50*time.Millisecond, h.voice-10*time.Millisecond); gap > testaudio.SilenceRMS {
				t.Errorf("%q: no silence between the chime and the voice (RMS %.4f): it talks over the chime", l.text, gap)
			}
		}
		heard = append(heard, h)
	}
	return heard
}

// speaksEveryChange checks that the voice followed the chime of every
// change, within 2 s of the change's instant (but the first, whose instant
// is the second the course started in), and logs the latency.
func speaksEveryChange(t *testing.T, engine string, rec *testaudio.Recorder, lines []stdoutLine) {
	t.Helper()
	heard := listen(t, rec, changeLines(t, lines))
	var latencies, afterChime []time.Duration
	for i, h := range heard {
		switch {
		case !h.spoken:
			t.Errorf("change %d: its chime sounded at %v, and no voice followed", i, h.chime-h.at)
		case i > 0:
			latencies = append(latencies, h.voice-h.at)
			afterChime = append(afterChime, h.voice-h.chimeEnd)
			if h.voice-h.at > 2*time.Second {
				t.Errorf("change %d: the voice began %v after the change, want within 2 s", i, h.voice-h.at)
			}
		}
	}
	if len(latencies) == 0 {
		return
	}
	slices.Sort(latencies)
	slices.Sort(afterChime)
	ms := func(d time.Duration) time.Duration { return d.Round(time.Millisecond) }
	t.Logf("speech latency, %s: from the change to the voice over %d changes: median %v, worst %v "+
		"(after the chime's end: median %v, worst %v; the wait after a chime is %v)",
		engine, len(latencies), ms(latencies[len(latencies)/2]), ms(latencies[len(latencies)-1]),
		ms(afterChime[len(afterChime)/2]), ms(afterChime[len(afterChime)-1]), 400*time.Millisecond)
}

// unspokenLines are run's lines that say the reminders cannot be spoken.
func unspokenLines(lines []stdoutLine) []string {
	var out []string
	for _, l := range lines {
		if strings.Contains(l.text, "Reminders are not spoken") {
			out = append(out, l.text)
		}
	}
	return out
}

func TestSpokenRemindersThroughSpeechDispatcher(t *testing.T) {
	p := testaudio.StartPulse(t)
	rec := testaudio.Record(t, p)
	spd := testaudio.StartSpeechd(t, p)
	lines := runSpoken(t, "XDG_RUNTIME_DIR="+spd.RuntimeDir)
	speaksEveryChange(t, "speech-dispatcher", rec, lines)
	if u := unspokenLines(lines); len(u) > 0 {
		t.Errorf("lines saying speech failed: %q", u)
	}
}

func TestSpokenRemindersThroughEspeakNg(t *testing.T) {
	p := testaudio.StartPulse(t)
	rec := testaudio.Record(t, p)
	testaudio.Need(t, "espeak-ng", "espeak-ng")
	lines := runSpoken(t, "XDG_RUNTIME_DIR="+t.TempDir(), "SPEECHD_ADDRESS=")
	speaksEveryChange(t, "espeak-ng", rec, lines)
	if u := unspokenLines(lines); len(u) > 0 {
		t.Errorf("lines saying speech failed: %q", u)
	}
}

// With no speech at all, the reminders come on time with their chimes, and
// one line says why nothing is said.
func TestSpokenRemindersWithNoSpeech(t *testing.T) {
	p := testaudio.StartPulse(t)
	rec := testaudio.Record(t, p)
	empty := t.TempDir()
	if _, err := os.Stat(filepath.Join(empty, "espeak-ng")); err == nil {
		t.Fatal("espeak-ng in an empty directory")
	}
	lines := runSpoken(t, "XDG_RUNTIME_DIR="+t.TempDir(), "SPEECHD_ADDRESS=", "PATH="+empty)
	changes := changeLines(t, lines)
	for i, l := range changes[1:] {
		if late := l.read.Sub(instant(t, l.text, l.read)); late > 500*time.Millisecond {
			t.Errorf("change %d was told %v after its instant, want within 500 ms", i+1, late)
		}
	}
	for i, h := range listen(t, rec, changes) {
		if h.spoken {
			t.Errorf("change %d: something sounded %v after its chime with no speech engine", i, h.voice-h.chimeEnd)
		}
	}
	u := unspokenLines(lines)
	if len(u) != 1 || !strings.Contains(u[0], "no speech engine") || !strings.Contains(u[0], "espeak-ng: not installed") {
		t.Fatalf("lines saying speech failed: %q, want one saying no engine is there", u)
	}
	t.Logf("the line: %s", u[0])
}
