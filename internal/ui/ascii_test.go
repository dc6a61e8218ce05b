package ui

import "testing"

func TestASCIIOnly(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM": "xterm-256color", "LANG": "en_GB.UTF-8"}, false},
		{map[string]string{"TERM": "dumb", "LANG": "en_GB.UTF-8"}, true},
		{map[string]string{"TERM": "xterm", "LANG": "C"}, true},
		{map[string]string{"TERM": "xterm", "LANG": "C.utf8"}, false},
		{map[string]string{"TERM": "xterm", "LC_ALL": "POSIX", "LANG": "en_US.UTF-8"}, true},
		{map[string]string{"TERM": "xterm", "LC_CTYPE": "de_DE.UTF-8", "LANG": "C"}, false},
		{map[string]string{"TERM": "xterm", "LANG": "en_US.ISO-8859-1"}, true},
		{map[string]string{"TERM": "xterm"}, false},
	} {
		if got := ASCIIOnly(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: ASCIIOnly = %v, want %v", c.env, got, c.want)
		}
	}
}

// utf8Terminal makes the environment a UTF-8 terminal's for the rest of the
// test, so that the screens draw as they do for most people whatever LANG
// or TERM runs the tests.
func utf8Terminal(t *testing.T) {
	t.Helper()
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_CTYPE", "")
	t.Setenv("LANG", "C.UTF-8")
}
