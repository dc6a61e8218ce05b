package sound

import (
	"encoding/binary"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/jfreymuth/pulse/proto"
)

// recorder records a source (the null sink's monitor) and keeps, for every
// packet, when it arrived, so a sample's index maps to the wall clock.
type recorder struct {
	base time.Time // the zero of every time the test measures

	mu      sync.Mutex
	samples []float64
	// offset is the earliest "arrival minus recorded length" seen: the
	// clock time of sample 0, give or take how late the quickest packet
	// arrived. The monitor delivers a fragment when the sink has mixed it,
	// so this is when the sink mixed the audio, the moment it starts
	// playing on a real device (less that device's own buffering). The null
	// sink mixes up to its latency (about one fragment here) ahead of its
	// clock, so an onset can read a few milliseconds before the Play call.
	offset time.Duration
	conn   *pulseConn
}

// fragment is what the recorder asks the server to deliver at a time: 10 ms,
// the resolution of the arrival times.
const fragment = SampleRate / 100

// record starts recording source; stop it with close.
func record(t *testing.T, source string, base time.Time) *recorder {
	t.Helper()
	r := &recorder{base: base, offset: time.Duration(math.MaxInt64)}
	conn, err := dialPulse(time.Now().Add(5*time.Second), r.onMessage)
	if err != nil {
		t.Fatalf("recorder: %v", err)
	}
	r.conn = conn
	var reply proto.CreateRecordStreamReply
	err = conn.request(&proto.CreateRecordStream{
		SampleSpec:         proto.SampleSpec{Format: proto.FormatInt16LE, Channels: 1, Rate: SampleRate},
		ChannelMap:         proto.ChannelMap{proto.ChannelMono},
		SourceIndex:        proto.Undefined,
		SourceName:         source,
		BufferMaxLength:    proto.Undefined,
		BufferFragSize:     2 * fragment,
		AdjustLatency:      true,
		DirectOnInputIndex: proto.Undefined,
		Properties:         proto.PropList{"media.name": proto.PropListString("icetimer test recorder")},
		ChannelVolumes:     proto.ChannelVolumes{playSampleVolume},
	}, &reply, time.Now().Add(5*time.Second))
	if err != nil {
		conn.close()
		t.Fatalf("recording %s: %v", source, err)
	}
	t.Cleanup(conn.close)
	return r
}

// onMessage runs on the connection's reader goroutine as each packet
// arrives, which is what makes its time stamp worth having.
func (r *recorder) onMessage(m any) {
	p, ok := m.(*proto.DataPacket)
	if !ok {
		return
	}
	now := time.Since(r.base)
	r.mu.Lock()
	defer r.mu.Unlock()
	// p.Data is the reader's buffer, reused for the next packet.
	for i := 0; i+1 < len(p.Data); i += 2 {
		r.samples = append(r.samples, float64(int16(binary.LittleEndian.Uint16(p.Data[i:])))/math.MaxInt16)
	}
	r.offset = min(r.offset, now-samplesToDuration(len(r.samples)))
}

// until waits (at most limit) until the recording reaches time at; false
// when it does not.
func (r *recorder) until(at, limit time.Duration) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		r.mu.Lock()
		reached := len(r.samples) > 0 && r.offset+samplesToDuration(len(r.samples)) >= at
		r.mu.Unlock()
		if reached {
			return true
		}
	}
	return false
}

// snapshot is the recording so far and the time of its sample 0.
func (r *recorder) snapshot() ([]float64, time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]float64(nil), r.samples...), r.offset
}

func samplesToDuration(n int) time.Duration {
	return time.Duration(n) * time.Second / SampleRate
}

func durationToSamples(d time.Duration) int {
	return int(d * SampleRate / time.Second)
}
