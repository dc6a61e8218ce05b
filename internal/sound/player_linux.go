package sound

import (
	"errors"
	"fmt"
	"hash/fnv"
	"sync"
	"time"

	"github.com/jfreymuth/pulse/proto"
)

// pulseBackend plays chimes from the server's sample cache, the mechanism
// PulseAudio has for event sounds (pipewire-pulse has it too): each chime is
// uploaded once, and playing it is then one request, answered as soon as the
// server has started it. Nothing of ours has to keep streaming while it
// sounds, so a chime cannot stutter when icetimer is busy, and "handed to the
// server" is exactly that reply.
//
// It keeps one connection between chimes and makes a new one when that fails
// (the server restarted, the user logged out and in).
type pulseBackend struct {
	mu     sync.Mutex // guards conn and closed against close from another goroutine
	conn   *pulseConn
	closed bool
}

func newBackend() backend { return &pulseBackend{} }

// playSampleVolume is PA_VOLUME_NORM: the chime at the level it was made,
// under the sink's volume like any other sound.
const playSampleVolume = 0x10000

func (b *pulseBackend) play(c Chime, deadline time.Time) error {
	return b.do(deadline, func(conn *pulseConn) error { return playSample(conn, c, deadline) })
}

// do runs f on the kept connection, or on a new one.
func (b *pulseBackend) do(deadline time.Time, f func(*pulseConn) error) error {
	conn, fresh, err := b.connection(deadline)
	if err != nil {
		return err
	}
	err = f(conn)
	if err == nil {
		return nil
	}
	b.drop(conn)
	if fresh || time.Now().After(deadline) {
		return err
	}
	// The kept connection may have died since the last sound (a restarted
	// server); one new connection within the same deadline, so that sound is
	// not lost to it.
	conn, _, err = b.connection(deadline)
	if err != nil {
		return err
	}
	if err = f(conn); err != nil {
		b.drop(conn)
	}
	return err
}

// connection returns the kept connection, or makes one; fresh says it is new.
func (b *pulseBackend) connection(deadline time.Time) (conn *pulseConn, fresh bool, err error) {
	b.mu.Lock()
	conn, closed := b.conn, b.closed
	b.mu.Unlock()
	if closed {
		return nil, false, ErrClosed
	}
	if conn != nil && !conn.dead.Load() {
		return conn, false, nil
	}
	if conn != nil {
		b.drop(conn)
	}
	conn, err = dialPulse(deadline, nil)
	if err != nil {
		return nil, false, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		conn.close()
		return nil, false, ErrClosed
	}
	b.conn = conn
	return conn, true, nil
}

// drop closes conn and forgets it if it is still the kept one.
func (b *pulseBackend) drop(conn *pulseConn) {
	conn.close()
	b.mu.Lock()
	if b.conn == conn {
		b.conn = nil
	}
	b.mu.Unlock()
}

func (b *pulseBackend) close() {
	b.mu.Lock()
	b.closed = true
	conn := b.conn
	b.conn = nil
	b.mu.Unlock()
	if conn != nil {
		conn.close()
	}
}

// playSample plays c from the sample cache, uploading it first when the
// server does not have it (the first chime since the server started).
func playSample(conn *pulseConn, c Chime, deadline time.Time) error {
	name := sampleName(c)
	req := &proto.PlaySample{
		SinkIndex:  proto.Undefined, // with no sink name: the default sink
		Volume:     playSampleVolume,
		Name:       name,
		Properties: chimeProps(c),
	}
	err := conn.request(req, nil, deadline)
	if errors.Is(err, proto.ErrNoSuchEntity) {
		if err = upload(conn, name, c.pcm(), SampleRate, chimeProps(c), deadline); err != nil {
			return classify("uploading the chime", err)
		}
		err = conn.request(req, nil, deadline)
	}
	return classify("playing the chime", err)
}

// upload puts pcm (16-bit signed little-endian mono at rate hertz) into the
// server's sample cache under name, in place of a sample of that name.
func upload(conn *pulseConn, name string, pcm []byte, rate int, props proto.PropList, deadline time.Time) error {
	var reply proto.CreateUploadStreamReply
	err := conn.request(&proto.CreateUploadStream{
		Name:       name,
		SampleSpec: proto.SampleSpec{Format: proto.FormatInt16LE, Channels: 1, Rate: uint32(rate)},
		ChannelMap: proto.ChannelMap{proto.ChannelMono},
		Length:     uint32(len(pcm)),
		Properties: props,
	}, &reply, deadline)
	if err != nil {
		return err
	}
	// Frames of 64 KiB, the size libpulse sends, well below what the
	// server accepts in one.
	const frame = 64 << 10
	for off := 0; off < len(pcm); off += frame {
		conn.send(reply.StreamIndex, pcm[off:min(off+frame, len(pcm))], deadline)
	}
	return conn.request(&proto.FinishUploadStream{StreamIndex: reply.StreamIndex}, nil, deadline)
}

// sampleName names c in the server's cache, which every client shares. The
// hash of the sound keeps two icetimer versions with different chimes from
// playing each other's.
func sampleName(c Chime) string {
	h := fnv.New32a()
	h.Write(c.pcm())
	return fmt.Sprintf("icetimer-%s-%08x", chimeID(c), h.Sum32())
}

func chimeID(c Chime) string {
	switch c {
	case PackOn:
		return "pack-on"
	case PackOff:
		return "pack-off"
	}
	return "done"
}

// chimeProps describe the sound to the server and to volume controls. No
// media.role "event": desktops let people silence event sounds ("alert
// sounds off"), and this chime exists for when nothing else is noticed.
func chimeProps(c Chime) proto.PropList {
	return proto.PropList{
		"media.name":      proto.PropListString("icetimer: " + c.String()),
		"event.id":        proto.PropListString("icetimer-" + chimeID(c)),
		"media.icon_name": proto.PropListString("alarm-symbolic"),
	}
}

// classify wraps a failed request so callers can tell a timeout from an
// unreachable server.
func classify(doing string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrNoServer), errors.Is(err, ErrTimeout):
		return fmt.Errorf("%s: %w", doing, err)
	case isTimeout(err):
		return fmt.Errorf("%s: %w: %v", doing, ErrTimeout, err)
	case errors.As(err, new(proto.Error)):
		// The server answered and refused (no sink to play on, say).
		return fmt.Errorf("%s: %w", doing, err)
	}
	// Anything else is the connection failing under us.
	return fmt.Errorf("%s: %w: %v", doing, ErrNoServer, err)
}
