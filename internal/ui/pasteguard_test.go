package ui

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
)

// keysDecoded is what Bubble Tea's decoder makes of input, in order: the
// text of every key press, and "<paste>" for every paste.
func keysDecoded(t *testing.T, input []byte) []string {
	t.Helper()
	events := make(chan uv.Event, 64)
	r := uv.NewTerminalReader(bytes.NewReader(input), "xterm-256color")
	if err := r.StreamEvents(context.Background(), events); err != nil {
		t.Fatal(err)
	}
	close(events)
	var out []string
	for e := range events {
		switch e := e.(type) {
		case uv.KeyPressEvent:
			out = append(out, e.Text)
		case uv.PasteEvent:
			out = append(out, "<paste>")
		}
	}
	return out
}

// guarded reads chunks through a pasteGuard, each at its instant, and
// gives all that the guard passed on.
func guarded(t *testing.T, chunks []string, at []time.Duration) []byte {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	t0 := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	now := t0
	g := newPasteGuard(r, func() time.Time { return now })
	var out []byte
	for i, chunk := range chunks {
		if _, err := w.WriteString(chunk); err != nil {
			t.Fatal(err)
		}
		now = t0.Add(at[i])
		buf := make([]byte, 4096)
		n, err := g.Read(buf)
		if err != nil || n < len(chunk) {
			t.Fatalf("read %d of %d bytes: %v", n, len(chunk), err)
		}
		out = append(out, buf[:n]...)
	}
	return out
}

// A paste that never ends (a stray ESC[200~) no longer swallows the keys
// typed after it, q included; the decoder alone, as Bubble Tea v2.0.10 has
// it, swallows them all.
func TestUnfinishedPasteDoesNotSwallowKeys(t *testing.T) {
	chunks := []string{"\x1b[200~stray text", "q", "s"}
	if got := keysDecoded(t, []byte(chunks[0]+chunks[1]+chunks[2])); len(got) != 0 {
		t.Fatalf("the decoder alone gave %q: this test no longer shows the problem", got)
	}
	got := keysDecoded(t, guarded(t, chunks, []time.Duration{0, time.Second, 2 * time.Second}))
	if want := []string{"<paste>", "q", "s"}; !equal(got, want) {
		t.Errorf("keys after an unfinished paste: %q, want %q", got, want)
	}
}

// Keys typed soon after an unfinished paste began, before the guard gives
// it up, went into the paste and were lost; the guard gives them again
// after it ends the paste, in the order they came.
func TestKeysTypedDuringAnUnfinishedPasteAreNotLost(t *testing.T) {
	chunks := []string{"\x1b[200~stray", "q", "w", "s"}
	at := []time.Duration{0, 100 * time.Millisecond, 150 * time.Millisecond, time.Second}
	got := keysDecoded(t, guarded(t, chunks, at))
	if want := []string{"<paste>", "q", "w", "s"}; !equal(got, want) {
		t.Errorf("keys typed during an unfinished paste: %q, want %q", got, want)
	}

	// More than a person types is the paste's own, never given as keys.
	chunks[1] = strings.Repeat("q", maxHeld+1)
	got = keysDecoded(t, guarded(t, chunks, at))
	if want := []string{"<paste>", "w", "s"}; !equal(got, want) {
		t.Errorf("a flood during an unfinished paste: %q, want %q", got, want)
	}
}

// A real paste, ended, and one still arriving within pasteGiveUp, stay
// pastes: their keys never act (a pasted q must not quit).
func TestRealPastesStayPastes(t *testing.T) {
	for _, tc := range []struct {
		chunks []string
		at     []time.Duration
		want   []string
	}{
		{[]string{"\x1b[200~qqq\x1b[201~", "q"}, []time.Duration{0, time.Second}, []string{"<paste>", "q"}},
		{[]string{"\x1b[200~qq", "q\x1b[201~", "s"}, []time.Duration{0, 100 * time.Millisecond, time.Second}, []string{"<paste>", "s"}},
		{[]string{"\x1b[20", "0~qq", "q\x1b[201~"}, []time.Duration{0, 10 * time.Millisecond, 20 * time.Millisecond}, []string{"<paste>"}},
	} {
		if got := keysDecoded(t, guarded(t, tc.chunks, tc.at)); !equal(got, tc.want) {
			t.Errorf("%q at %v: %q, want %q", tc.chunks, tc.at, got, tc.want)
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
