//go:build linux

// Package testaudio runs the real audio servers that tests play and speak
// into: a private PulseAudio daemon whose only sink is a null sink, the
// speech-dispatcher daemon with its espeak-ng module playing into it, and a
// recorder of that sink's monitor. Each is private to its test (its own
// runtime, config and home directories, so a desktop's servers are left
// alone) and stopped by its PID when the test ends.
package testaudio

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// SkipOrFail skips a test that cannot run here, unless CI=true, where not
// running is a failure.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and this test cannot run: "+format, args...)
	}
	t.Skipf(format, args...)
}

// Need skips (or under CI=true fails) the test unless every tool is on
// PATH, naming the Debian packages that hold them.
func Need(t testing.TB, packages string, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			SkipOrFail(t, "%s is not installed (apt-get install %s): %v", tool, packages, err)
		}
	}
}

// Sink is the null sink's name; what is played on it can be recorded from
// Sink + ".monitor".
const Sink = "t"

// Pulse is a private PulseAudio daemon whose only sink is the null sink
// Sink, which is therefore the default one.
type Pulse struct {
	t testing.TB
	// Dir holds its runtime directory ("run") and home ("home").
	Dir string
	// Socket is where it listens; PULSE_SERVER names it.
	Socket string
	// Log is its output, for failure messages.
	Log    *Buffer
	cmd    *exec.Cmd
	exited chan struct{}
}

// StartPulse starts a private pulseaudio for the test and points this
// process at it (PULSE_SERVER, PULSE_COOKIE), stopping it at the end.
func StartPulse(t testing.TB) *Pulse {
	t.Helper()
	Need(t, "pulseaudio", "pulseaudio")
	p := &Pulse{t: t, Dir: t.TempDir()}
	for _, d := range []string{"run", "home"} {
		if err := os.Mkdir(filepath.Join(p.Dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	p.Socket = filepath.Join(p.Dir, "run", "pulse", "native")
	t.Setenv("PULSE_SERVER", "unix:"+p.Socket)
	t.Setenv("PULSE_COOKIE", filepath.Join(p.Dir, "home", ".config", "pulse", "cookie"))
	p.Start()
	t.Cleanup(p.Stop)
	return p
}

// Start runs the daemon and waits until it accepts a client.
func (p *Pulse) Start() {
	t := p.t
	t.Helper()
	home := filepath.Join(p.Dir, "home")
	p.Log = &Buffer{}
	p.cmd = exec.Command("pulseaudio",
		"-n", // no default.pa: only the modules below, so Sink is the default sink
		"--load=module-null-sink sink_name="+Sink,
		"--load=module-native-protocol-unix",
		"--exit-idle-time=-1", // it must not leave between sounds
		"--disallow-exit",     // nor because a client asked
		"--daemonize=no",
		"--log-target=stderr",
	)
	p.cmd.Env = append(os.Environ(),
		"XDG_RUNTIME_DIR="+filepath.Join(p.Dir, "run"),
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
	)
	p.cmd.Stdout, p.cmd.Stderr = p.Log, p.Log
	p.exited = start(t, p.cmd, "pulseaudio")
	waitFor(t, p.exited, p.Log, "pulseaudio", func() bool {
		c, err := net.DialTimeout("unix", p.Socket, time.Second)
		if err == nil {
			c.Close()
		}
		return err == nil
	})
}

// Stop kills the daemon and waits for it, so that Start makes a fresh
// server (no sample cache) on the same socket.
func (p *Pulse) Stop() {
	if p.cmd == nil {
		return
	}
	stop(p.t, p.cmd, p.exited, "pulseaudio")
	// A killed daemon leaves its socket and pid file; the next one
	// replaces them, but not a stale pid file of a live process.
	_ = os.Remove(p.Socket)
	_ = os.Remove(filepath.Join(p.Dir, "run", "pulse", "pid"))
	p.cmd = nil
}

// start starts cmd and returns a channel closed once it has exited.
func start(t testing.TB, cmd *exec.Cmd, name string) chan struct{} {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", name, err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	return exited
}

// waitFor polls ready until it is true, failing the test when the process
// exits first or 15 s pass.
func waitFor(t testing.TB, exited chan struct{}, log *Buffer, name string, ready func() bool) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); !ready(); time.Sleep(50 * time.Millisecond) {
		select {
		case <-exited:
			t.Fatalf("%s exited at start\n%s", name, log)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s was not ready within 15 s\n%s", name, log)
		}
	}
}

// stop ends cmd by its PID: SIGTERM, then SIGKILL if it is still there
// after 5 s.
func stop(t testing.TB, cmd *exec.Cmd, exited chan struct{}, name string) {
	_ = cmd.Process.Signal(os.Interrupt)
	select {
	case <-exited:
		return
	case <-time.After(5 * time.Second):
	}
	_ = cmd.Process.Kill()
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		t.Errorf("%s (pid %d) did not exit after SIGKILL", name, cmd.Process.Pid)
	}
}

// Buffer is a bytes.Buffer a daemon's output can be written to while a
// failing test reads it.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (l *Buffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String is everything written so far.
func (l *Buffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
