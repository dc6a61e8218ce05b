//go:build linux

package speech

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// decodeWAV takes the PCM out of a WAV file of 16-bit mono PCM, as
// espeak-ng --stdout writes it. A data chunk that claims more than there is
// (espeak-ng writes to a pipe before it knows the length) holds the rest.
func decodeWAV(b []byte) (pcm []byte, rate int, err error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return nil, 0, errors.New("not a WAV file")
	}
	var haveFormat bool
	for b = b[12:]; len(b) >= 8; {
		id, size := string(b[:4]), binary.LittleEndian.Uint32(b[4:8])
		body := b[8:]
		if uint64(size) < uint64(len(body)) {
			body = body[:size]
		}
		switch id {
		case "fmt ":
			if len(body) < 16 {
				return nil, 0, errors.New("a WAV format chunk too short")
			}
			format, channels := binary.LittleEndian.Uint16(body), binary.LittleEndian.Uint16(body[2:])
			bits := binary.LittleEndian.Uint16(body[14:])
			if format != 1 || channels != 1 || bits != 16 {
				return nil, 0, fmt.Errorf("WAV of format %d, %d channels, %d bits: want 16-bit mono PCM", format, channels, bits)
			}
			rate, haveFormat = int(binary.LittleEndian.Uint32(body[4:])), true
		case "data":
			if !haveFormat || rate <= 0 {
				return nil, 0, errors.New("WAV data before its format")
			}
			if len(body) < 2 {
				return nil, 0, errors.New("WAV with no sound")
			}
			return body[:len(body)&^1], rate, nil
		}
		// Chunks are padded to an even length.
		skip := 8 + uint64(size) + uint64(size&1)
		if skip > uint64(len(b)) {
			break
		}
		b = b[skip:]
	}
	return nil, 0, errors.New("WAV with no data")
}
