//go:build linux

package testaudio

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Speechd is a private speech-dispatcher whose espeak-ng module speaks into
// a Pulse's null sink (REAL-PARTS.md). It listens where speech-dispatcher
// listens by default, under the runtime directory it was given; the test
// points XDG_RUNTIME_DIR there.
type Speechd struct {
	t testing.TB
	// RuntimeDir is its XDG_RUNTIME_DIR.
	RuntimeDir string
	// Socket is where it listens: RuntimeDir/speech-dispatcher/speechd.sock.
	Socket string
	// Log is its output, for failure messages.
	Log    *Buffer
	config string
	cmd    *exec.Cmd
	exited chan struct{}
}

// StartSpeechd starts a private speech-dispatcher playing into p, sets
// XDG_RUNTIME_DIR to its runtime directory (and unsets SPEECHD_ADDRESS)
// so that a client finds it where it looks by default, and stops it at the
// end of the test.
func StartSpeechd(t testing.TB, p *Pulse) *Speechd {
	t.Helper()
	Need(t, "speech-dispatcher speech-dispatcher-espeak-ng", "speech-dispatcher")
	module := "/etc/speech-dispatcher/modules/espeak-ng.conf"
	if _, err := os.Stat(module); err != nil {
		SkipOrFail(t, "speech-dispatcher's espeak-ng module is not installed (apt-get install speech-dispatcher-espeak-ng): %v", err)
	}
	dir := t.TempDir()
	s := &Speechd{t: t, RuntimeDir: filepath.Join(dir, "run"), config: filepath.Join(dir, "config")}
	s.Socket = filepath.Join(s.RuntimeDir, "speech-dispatcher", "speechd.sock")
	if err := os.Mkdir(s.RuntimeDir, 0o700); err != nil {
		t.Fatal(err)
	}
	modules := filepath.Join(s.config, "speech-dispatcher", "modules")
	if err := os.MkdirAll(modules, 0o700); err != nil {
		t.Fatal(err)
	}
	conf, err := os.ReadFile(module)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(modules, "espeak-ng.conf"), conf, 0o600); err != nil {
		t.Fatal(err)
	}
	main := fmt.Sprintf("AudioOutputMethod \"pulse\"\nAddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"\n"+
		"DefaultModule espeak-ng\nDefaultLanguage \"en\"\nLogDir %q\n", filepath.Join(dir, "log"))
	if err := os.WriteFile(filepath.Join(s.config, "speech-dispatcher", "speechd.conf"), []byte(main), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_RUNTIME_DIR", s.RuntimeDir)
	t.Setenv("SPEECHD_ADDRESS", "")
	os.Unsetenv("SPEECHD_ADDRESS")
	s.Start()
	t.Cleanup(s.Stop)
	return s
}

// Start runs the daemon in the foreground, as this test's child, and waits
// until it accepts a client.
func (s *Speechd) Start() {
	t := s.t
	t.Helper()
	s.Log = &Buffer{}
	// -s: a single process the test owns (no fork to a daemon); -t 0: it
	// stays with no client connected.
	s.cmd = exec.Command("speech-dispatcher", "-s", "-t", "0")
	s.cmd.Env = append(os.Environ(),
		"XDG_RUNTIME_DIR="+s.RuntimeDir,
		"XDG_CONFIG_HOME="+s.config,
		"HOME="+filepath.Dir(s.config),
	)
	s.cmd.Stdout, s.cmd.Stderr = s.Log, s.Log
	s.exited = start(t, s.cmd, "speech-dispatcher")
	waitFor(t, s.exited, s.Log, "speech-dispatcher", func() bool {
		c, err := net.Dial("unix", s.Socket)
		if err == nil {
			c.Close()
		}
		return err == nil
	})
}

// Stop ends the daemon (and with it its module) by its PID.
func (s *Speechd) Stop() {
	if s.cmd == nil {
		return
	}
	stop(s.t, s.cmd, s.exited, "speech-dispatcher")
	_ = os.Remove(s.Socket)
	s.cmd = nil
}
