package picker

import (
	"reflect"
	"testing"
)

// The config file's quiet hours come first, once; the usual ones follow.
func TestQuietChoices(t *testing.T) {
	for def, want := range map[string][]string{
		"":            {"23:00-07:00", "22:00-06:00", "00:00-08:00", "off"},
		"23:00-07:00": {"23:00-07:00", "22:00-06:00", "00:00-08:00", "off"},
		"off":         {"off", "23:00-07:00", "22:00-06:00", "00:00-08:00"},
		"21:30-05:30": {"21:30-05:30", "23:00-07:00", "22:00-06:00", "00:00-08:00", "off"},
	} {
		if got := QuietChoices(def); !reflect.DeepEqual(got, want) {
			t.Errorf("QuietChoices(%q) = %q, want %q", def, got, want)
		}
	}
}
