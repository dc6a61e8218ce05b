package control

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// The test binary run again is a process of its own for the tests that need
// one: a driver to kill (driverEnv), or a swarm of clients (swarmEnv).
const (
	driverEnv = "CONTROL_TEST_DRIVE" // the state directory to drive a course for
	swarmEnv  = "CONTROL_TEST_SWARM" // the socket to send requests to
)

func TestMain(m *testing.M) {
	if dir := os.Getenv(driverEnv); dir != "" {
		os.Exit(driveForTest(dir))
	}
	if path := os.Getenv(swarmEnv); path != "" {
		os.Exit(swarm(path))
	}
	os.Exit(m.Run())
}

// driveForTest serves dir's control socket until killed, printing its path
// once it is served.
func driveForTest(dir string) int {
	ln, path, err := Listen(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	s := NewServer(HandlerFunc(func(_ context.Context, req Request, begin func() bool) Reply {
		begin()
		return Done(string(req.Do), courseJSON(1))
	}))
	_ = s.Publish(courseJSON(0))
	fmt.Println(path)
	if err := s.Serve(context.Background(), ln); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}
