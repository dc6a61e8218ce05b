//go:build darwin || windows

package sound

import (
	"bytes"
	"fmt"
	"sync"
	"time"

	"github.com/ebitengine/oto/v3"
)

// otoBackend plays chimes through oto, which is cgo-free on macOS (Core
// Audio through purego) and Windows (WASAPI or winmm through syscalls).
//
// oto allows one context per process, made once; its players mix into it.
// "Handed to the sound server" here means the player was started on a
// context that came up.
type otoBackend struct {
	mu      sync.Mutex // guards everything below; a stuck play holds it only briefly
	ctx     *oto.Context
	ready   chan struct{}
	err     error         // why the context could not be made; final, oto allows one try
	playing []*oto.Player // kept until they finish: oto stops a player it collects
	closed  bool
}

func newBackend() backend { return &otoBackend{} }

func (b *otoBackend) play(c Chime, deadline time.Time) error {
	ctx, ready, err := b.context()
	if err != nil {
		return err
	}
	// A context may take a moment to come up (the audio device opening);
	// waiting for it is bounded like everything else. A later play waits on
	// the same channel again.
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	select {
	case <-ready:
	case <-timer.C:
		return fmt.Errorf("%w: the audio device did not open", ErrTimeout)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%w: %v", ErrNoServer, err)
	}
	pl := ctx.NewPlayer(bytes.NewReader(c.pcm()))
	pl.Play()
	b.keep(pl)
	return nil
}

// context makes the one oto context on first use.
func (b *otoBackend) context() (*oto.Context, chan struct{}, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, nil, ErrClosed
	}
	if b.ctx == nil && b.err == nil {
		b.ctx, b.ready, b.err = oto.NewContext(&oto.NewContextOptions{
			SampleRate:   SampleRate,
			ChannelCount: 1,
			Format:       oto.FormatSignedInt16LE,
		})
		if b.err != nil {
			b.err = fmt.Errorf("%w: %v", ErrNoServer, b.err)
		}
	}
	return b.ctx, b.ready, b.err
}

// keep holds pl until it has played, and lets go of those that have (oto
// closes a player when it is collected, since v3.4).
func (b *otoBackend) keep(pl *oto.Player) {
	b.mu.Lock()
	defer b.mu.Unlock()
	still := b.playing[:0]
	for _, p := range b.playing {
		if p.IsPlaying() {
			still = append(still, p)
		}
	}
	b.playing = append(still, pl)
}

// close stops accepting chimes. The context stays (oto cannot close one);
// chimes already playing finish.
func (b *otoBackend) close() {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
}
