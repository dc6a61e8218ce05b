//go:build linux

package speech

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// wav builds a WAV file: a format chunk, then an odd-sized chunk to skip,
// then a data chunk claiming dataSize bytes and holding data.
func wav(format, channels, bits uint16, rate uint32, dataSize uint32, data []byte) []byte {
	var b bytes.Buffer
	w := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	w(uint32(0x7ffff024)) // as espeak-ng writes to a pipe
	b.WriteString("WAVEfmt ")
	w(uint32(16))
	w(format)
	w(channels)
	w(rate)
	w(rate * uint32(channels) * uint32(bits) / 8)
	w(channels * bits / 8)
	w(bits)
	b.WriteString("LIST")
	w(uint32(3))
	b.WriteString("abc\x00") // padded to even
	b.WriteString("data")
	w(dataSize)
	b.Write(data)
	return b.Bytes()
}

func TestDecodeWAV(t *testing.T) {
	pcm := []byte{1, 0, 2, 0, 3, 0}
	for name, tc := range map[string]struct {
		file []byte
		pcm  []byte
		rate int
	}{
		"to a pipe, length unknown": {wav(1, 1, 16, 22050, 0x7ffff000, pcm), pcm, 22050},
		"exact length":              {wav(1, 1, 16, 16000, 6, pcm), pcm, 16000},
		"shorter than its data":     {wav(1, 1, 16, 16000, 4, pcm), pcm[:4], 16000},
		"half a sample at the end":  {wav(1, 1, 16, 16000, 0x7ffff000, append(pcm, 9)), pcm, 16000},
	} {
		got, rate, err := decodeWAV(tc.file)
		if err != nil || !bytes.Equal(got, tc.pcm) || rate != tc.rate {
			t.Errorf("%s: %v at %d Hz, %v; want %v at %d Hz", name, got, rate, err, tc.pcm, tc.rate)
		}
	}
	for name, file := range map[string][]byte{
		"empty":     nil,
		"not RIFF":  []byte("ID3\x03 this is an MP3, honest"),
		"stereo":    wav(1, 2, 16, 22050, 4, pcm[:4]),
		"8-bit":     wav(1, 1, 8, 22050, 6, pcm),
		"float":     wav(3, 1, 16, 22050, 6, pcm),
		"no sound":  wav(1, 1, 16, 22050, 0, nil),
		"no data":   wav(1, 1, 16, 22050, 6, pcm)[:36],
		"no format": append([]byte("RIFF\x00\x00\x00\x00WAVEdata\x02\x00\x00\x00"), 1, 2),
	} {
		if pcm, rate, err := decodeWAV(file); err == nil {
			t.Errorf("%s: decoded %d bytes at %d Hz", name, len(pcm), rate)
		}
	}
}
