package sound

import (
	"fmt"
	"time"

	"github.com/jfreymuth/pulse/proto"
)

// Clip is a sound of icetimer's that is not a chime: a spoken reminder
// from espeak-ng.
type Clip struct {
	// Name tells it apart in the server's sample cache and in volume
	// controls: "speech". A clip replaces the last one of its name.
	Name string
	// PCM is the sound: 16-bit signed little-endian mono.
	PCM []byte
	// Rate is PCM's sample rate in hertz.
	Rate int
}

// Duration is how long the clip sounds.
func (c Clip) Duration() time.Duration {
	if c.Rate <= 0 {
		return 0
	}
	return time.Duration(len(c.PCM)/2) * time.Second / time.Duration(c.Rate)
}

// maxClip is the largest clip the server's sample cache takes
// (PulseAudio's PA_SCACHE_ENTRY_SIZE_MAX): six minutes of speech.
const maxClip = 16 << 20

// ClipPlayer plays clips through the same PulseAudio path as the chimes:
// uploaded to the server's sample cache on one kept connection, played
// from there. Unlike a Player it blocks: its caller runs it on a bounded
// worker of its own (the speech package's).
type ClipPlayer struct{ backend pulseBackend }

// NewClipPlayer makes a clip player. It connects to nothing until the
// first Play.
func NewClipPlayer() *ClipPlayer { return &ClipPlayer{} }

// Play hands c to the sound server and returns once the server has started
// it, or why not (ErrNoServer, ErrTimeout, the server's refusal), giving
// up at deadline.
func (p *ClipPlayer) Play(c Clip, deadline time.Time) error {
	switch {
	case len(c.PCM) < 2 || len(c.PCM)%2 != 0 || c.Rate <= 0:
		return fmt.Errorf("not a clip: %d bytes at %d Hz", len(c.PCM), c.Rate)
	case len(c.PCM) > maxClip:
		return fmt.Errorf("clip of %d bytes: the sound server takes at most %d", len(c.PCM), maxClip)
	}
	name := "icetimer-" + c.Name
	props := proto.PropList{
		"media.name":      proto.PropListString("icetimer: " + c.Name),
		"media.icon_name": proto.PropListString("alarm-symbolic"),
	}
	return p.backend.do(deadline, func(conn *pulseConn) error {
		if err := upload(conn, name, c.PCM, c.Rate, props, deadline); err != nil {
			return classify("uploading the "+c.Name, err)
		}
		return classify("playing the "+c.Name, conn.request(&proto.PlaySample{
			SinkIndex:  proto.Undefined,
			Volume:     playSampleVolume,
			Name:       name,
			Properties: props,
		}, nil, deadline))
	})
}

// Close lets go of the server, which ends a Play in progress.
func (p *ClipPlayer) Close() { p.backend.close() }
