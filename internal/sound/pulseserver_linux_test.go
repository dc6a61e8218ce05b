package sound

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// skipOrFail skips a test that cannot run here, unless CI=true, where not
// running is a failure.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and this test cannot run: "+format, args...)
	}
	t.Skipf(format, args...)
}

// pulseServer is a private PulseAudio daemon whose only sink is a null sink
// named "t": what is played on it can be recorded from "t.monitor".
type pulseServer struct {
	t      *testing.T
	dir    string
	socket string
	cmd    *exec.Cmd
	log    *lockedBuffer // its output, for failure messages
	exited chan struct{}
}

// startPulse starts a private pulseaudio for the test and points this
// process at it (PULSE_SERVER, PULSE_COOKIE), stopping it at the end.
func startPulse(t *testing.T) *pulseServer {
	t.Helper()
	if testing.Short() {
		t.Skip("plays chimes on a real PulseAudio server for half a minute; run without -short")
	}
	if _, err := exec.LookPath("pulseaudio"); err != nil {
		skipOrFail(t, "pulseaudio is not installed (apt-get install pulseaudio): %v", err)
	}
	s := &pulseServer{t: t, dir: t.TempDir()}
	// A private runtime directory (the socket, the pid file) and home (the
	// cookie, the config) keep it apart from any desktop's server, and
	// from a pulseaudio left by another test run.
	for _, d := range []string{"run", "home"} {
		if err := os.Mkdir(filepath.Join(s.dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	s.socket = filepath.Join(s.dir, "run", "pulse", "native")
	t.Setenv("PULSE_SERVER", "unix:"+s.socket)
	t.Setenv("PULSE_COOKIE", filepath.Join(s.dir, "home", ".config", "pulse", "cookie"))
	s.start()
	t.Cleanup(s.stop)
	return s
}

// start runs the daemon and waits until it accepts a client.
func (s *pulseServer) start() {
	t := s.t
	t.Helper()
	home := filepath.Join(s.dir, "home")
	s.log = &lockedBuffer{}
	s.cmd = exec.Command("pulseaudio",
		"-n", // no default.pa: only the modules below, so "t" is the default sink
		"--load=module-null-sink sink_name=t",
		"--load=module-native-protocol-unix",
		"--exit-idle-time=-1", // it must not leave between chimes
		"--disallow-exit",     // nor because a client asked
		"--daemonize=no",
		"--log-target=stderr",
	)
	s.cmd.Env = append(os.Environ(),
		"XDG_RUNTIME_DIR="+filepath.Join(s.dir, "run"),
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
	)
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("starting pulseaudio: %v", err)
	}
	s.exited = make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(s.exited) }()
	deadline := time.Now().Add(15 * time.Second)
	for {
		conn, err := dialPulse(time.Now().Add(time.Second), nil)
		if err == nil {
			conn.close()
			return
		}
		select {
		case <-s.exited:
			t.Fatalf("pulseaudio exited at start: %v\n%s", s.cmd.ProcessState, s.log)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("pulseaudio did not accept a client within 15 s: %v\n%s", err, s.log)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop kills the daemon and waits for it, so a restart gets a fresh server
// (no sample cache) on the same socket.
func (s *pulseServer) stop() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		s.t.Errorf("pulseaudio did not exit after SIGKILL")
	}
	// A killed daemon leaves its socket and pid file; the next one
	// replaces them, but not a stale pid file of a live process.
	_ = os.Remove(s.socket)
	_ = os.Remove(filepath.Join(s.dir, "run", "pulse", "pid"))
	s.cmd = nil
}

// lockedBuffer is a bytes.Buffer the daemon's output can be written to while
// a failing test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
