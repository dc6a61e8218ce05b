package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// manyPresets is a config file with n presets, each with a cycle and a
// window.
func manyPresets(n int) []byte {
	var b strings.Builder
	b.WriteString("quiet = \"off\"\n")
	for i := range n {
		fmt.Fprintf(&b, "\n[[preset]]\nid = \"p-%d\"\ncycle = \"ice 15m, rest 45m\"\nwindow = \"48h\"\n", i)
	}
	return []byte(b.String())
}

// Reading the file is linear in its presets: every command reads it, and
// `run` reads it before its first reminder.
func BenchmarkParse10000Presets(b *testing.B) {
	data := manyPresets(10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("config.toml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// The target is 0.5 s for 10,000 presets; the bound is loose (a loaded
// machine), far below what a reading quadratic in presets takes.
func TestTenThousandPresetsParseQuickly(t *testing.T) {
	data := manyPresets(10000)
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, data, 0o600); err != nil || len(data) > maxFileSize {
		t.Fatalf("%d bytes: %v", len(data), err)
	}
	start := time.Now()
	c, err := Load(path)
	took := time.Since(start)
	t.Logf("10,000 presets (%d KiB) parsed in %s", len(data)>>10, took.Round(time.Millisecond))
	if err != nil || len(c.Presets) != 10000 {
		t.Fatalf("%d presets, %v", len(c.Presets), err)
	}
	if took > 3*time.Second {
		t.Errorf("10,000 presets took %s to parse, want well under a second", took)
	}
}
