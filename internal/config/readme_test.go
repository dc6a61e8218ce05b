package config

import (
	"os"
	"strings"
	"testing"
)

// The README's complete example file is one icetimer accepts.
func TestREADMEExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "## Configuration")
	_, rest, ok2 := strings.Cut(rest, "```toml\n")
	example, _, ok3 := strings.Cut(rest, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("README.md has no ```toml block under ## Configuration")
	}
	c, err := Parse("README.md", []byte(example))
	if err != nil {
		t.Fatalf("the README's example: %v", err)
	}
	if len(c.Presets) != 2 || c.Presets[0].ID != "physio" || len(c.Presets[0].Protocol.Stages) != 2 || !c.Ntfy.Enabled() || c.Hooks.OnChange == "" {
		t.Errorf("the README's example reads as %+v", c)
	}
}
