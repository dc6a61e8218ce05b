//go:build !darwin && !windows

package speech

import (
	"bufio"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSSIPText(t *testing.T) {
	for text, want := range map[string]string{
		"Take the ice pack off.": "Take the ice pack off.\r\n.\r\n",
		".":                      "..\r\n.\r\n",
		"one\n.two\n..three":     "one\r\n..two\r\n...three\r\n.\r\n",
	} {
		if got := ssipText(text); got != want {
			t.Errorf("ssipText(%q) = %q, want %q", text, got, want)
		}
	}
}

// Replies and events as speech-dispatcher 0.11 sends them (seen on its
// socket), and lines that are not SSIP.
func TestReadSSIP(t *testing.T) {
	r := bufio.NewReaderSize(strings.NewReader(
		"208 OK CLIENT NAME SET\r\n"+
			"701-7\r\n701-3\r\n701 BEGIN\r\n"+
			"225-8\r\n225 OK MESSAGE QUEUED\r\n"), maxSSIPLine)
	for _, want := range []ssipReply{
		{208, []string{"OK CLIENT NAME SET"}},
		{701, []string{"7", "3", "BEGIN"}},
		{225, []string{"8", "OK MESSAGE QUEUED"}},
	} {
		got, err := readSSIP(r)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("read %+v, %v; want %+v", got, err, want)
		}
	}
	for _, bad := range []string{
		"HTTP/1.1 400 Bad Request\r\n",
		"225-8\r\n226 OK\r\n",
		"20\r\n",
		"225-8", // cut off
		strings.Repeat("2", 2*maxSSIPLine) + "\r\n",
	} {
		if got, err := readSSIP(bufio.NewReaderSize(strings.NewReader(bad), maxSSIPLine)); err == nil {
			t.Errorf("read %q as %+v", bad, got)
		}
	}
}

func TestSpeechdSocket(t *testing.T) {
	for _, tc := range []struct{ address, runtime, cache, want string }{
		{"", "/run/user/1000", "", "/run/user/1000/speech-dispatcher/speechd.sock"},
		{"unix_socket:/tmp/s.sock", "/run/user/1000", "", "/tmp/s.sock"},
		{"unix_socket", "/run/user/1000", "", "/run/user/1000/speech-dispatcher/speechd.sock"},
		{"inet_socket:localhost:6560", "/run/user/1000", "", "/run/user/1000/speech-dispatcher/speechd.sock"},
		{"", "", "/home/p/.cache", "/home/p/.cache/speech-dispatcher/speechd.sock"},
	} {
		t.Setenv("SPEECHD_ADDRESS", tc.address)
		t.Setenv("XDG_RUNTIME_DIR", tc.runtime)
		t.Setenv("XDG_CACHE_HOME", tc.cache)
		if got := speechdSocket(); got != filepath.FromSlash(tc.want) {
			t.Errorf("SPEECHD_ADDRESS=%q XDG_RUNTIME_DIR=%q XDG_CACHE_HOME=%q: %s, want %s", tc.address, tc.runtime, tc.cache, got, tc.want)
		}
	}
}
