//go:build linux

package testaudio

import (
	"encoding/binary"
	"io"
	"math"
	"os/exec"
	"sync"
	"testing"
	"time"
)

// Rate is the recording's sample rate: 16-bit mono at 44.1 kHz.
const Rate = 44100

// Recorder records the null sink's monitor with parec and keeps, for each
// piece read, when it arrived, so that a sample's index maps to the wall
// clock: sample 0 is at Base + Zero.
type Recorder struct {
	// Base is the zero of every time the recorder reports.
	Base time.Time

	mu      sync.Mutex
	samples []float64
	// zero is the earliest "arrival minus recorded length" seen: when the
	// sink mixed sample 0, give or take how late the quickest piece came.
	zero time.Duration
}

// Record starts recording Sink's monitor on p (parec, in 10 ms fragments)
// until the test ends.
func Record(t testing.TB, p *Pulse) *Recorder {
	t.Helper()
	Need(t, "pulseaudio-utils", "parec")
	r := &Recorder{Base: time.Now(), zero: time.Duration(math.MaxInt64)}
	cmd := exec.Command("parec", "--device="+Sink+".monitor", "--raw", "--format=s16le", "--channels=1",
		"--rate=44100", "--latency-msec=10", "--client-name=icetimer test recorder")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	log := &Buffer{}
	cmd.Stderr = log
	exited := start(t, cmd, "parec")
	read := make(chan struct{})
	go func() { defer close(read); r.read(out) }()
	t.Cleanup(func() {
		stop(t, cmd, exited, "parec")
		<-read
	})
	if !r.Until(300*time.Millisecond, 10*time.Second) {
		t.Fatalf("parec recorded nothing of %s.monitor within 10 s\n%s\n%s", Sink, log, p.Log)
	}
	return r
}

// read takes in what parec writes, as it comes.
func (r *Recorder) read(out io.Reader) {
	buf := make([]byte, 8192)
	var odd []byte // half a sample left over from the last read
	for {
		n, err := out.Read(buf)
		now := time.Since(r.Base)
		data := append(odd, buf[:n]...)
		r.mu.Lock()
		for i := 0; i+1 < len(data); i += 2 {
			r.samples = append(r.samples, float64(int16(binary.LittleEndian.Uint16(data[i:])))/math.MaxInt16)
		}
		if n > 0 {
			r.zero = min(r.zero, now-Duration(len(r.samples)))
		}
		r.mu.Unlock()
		odd = append([]byte(nil), data[len(data)&^1:]...)
		if err != nil {
			return
		}
	}
}

// Now is the time since Base.
func (r *Recorder) Now() time.Duration { return time.Since(r.Base) }

// Until waits (at most limit) until the recording reaches time at; false
// when it does not.
func (r *Recorder) Until(at, limit time.Duration) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		r.mu.Lock()
		reached := len(r.samples) > 0 && r.zero+Duration(len(r.samples)) >= at
		r.mu.Unlock()
		if reached {
			return true
		}
	}
	return false
}

// Quiet waits (at most limit) until the last d of the recording is
// silent: what was played before has ended. False when it does not.
func (r *Recorder) Quiet(d, limit time.Duration) bool {
	n := Samples(d)
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		r.mu.Lock()
		quiet := len(r.samples) >= n && RMS(r.samples[len(r.samples)-n:]) < SilenceRMS
		r.mu.Unlock()
		if quiet {
			return true
		}
	}
	return false
}

// Snapshot is the recording so far and the time of its sample 0.
func (r *Recorder) Snapshot() ([]float64, time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]float64(nil), r.samples...), r.zero
}

// Onset is when sound first reaches OnsetLevel at or after from (and
// before to), as a time since Base; false when it does not.
func (r *Recorder) Onset(from, to time.Duration) (time.Duration, bool) {
	samples, zero := r.Snapshot()
	end := min(Samples(to-zero), len(samples))
	for i := max(Samples(from-zero), 0); i < end; i++ {
		if math.Abs(samples[i]) >= OnsetLevel {
			return zero + Duration(i), true
		}
	}
	return 0, false
}

// Level is the RMS of the recording from from to to (times since Base).
func (r *Recorder) Level(from, to time.Duration) float64 {
	samples, zero := r.Snapshot()
	a, b := max(Samples(from-zero), 0), min(Samples(to-zero), len(samples))
	if a >= b {
		return 0
	}
	return RMS(samples[a:b])
}

// OnsetLevel is the level that counts as sound: about -40 dBFS, far above
// the null sink's digital silence and far below speech or a chime.
const OnsetLevel = 0.01

// SilenceRMS is the most a silent stretch may hold.
const SilenceRMS = 0.001

// RMS is the root mean square of samples in [-1, 1].
func RMS(samples []float64) float64 {
	if len(samples) == 0 {
		return 0
	}
	var sum float64
	for _, s := range samples {
		sum += s * s
	}
	return math.Sqrt(sum / float64(len(samples)))
}

// Duration is how long n samples last.
func Duration(n int) time.Duration { return time.Duration(n) * time.Second / Rate }

// Samples is how many samples d holds.
func Samples(d time.Duration) int { return int(d * Rate / time.Second) }
