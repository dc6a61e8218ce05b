//go:build linux || darwin || windows

package speech

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// program is a speech program we run (espeak-ng, say, PowerShell): found
// on PATH at each use, so one installed later is found, and ended when
// the speaker closes.
type program struct {
	path   string // as looked up on PATH
	args   []string
	ctx    context.Context // done once the speaker closes
	cancel context.CancelFunc
}

func newProgram(path string, args ...string) *program {
	ctx, cancel := context.WithCancel(context.Background())
	return &program{path: path, args: args, ctx: ctx, cancel: cancel}
}

// maxOutput bounds what a program's output may hold: minutes of speech.
const maxOutput = 16 << 20

// run runs the program with text on its standard input until it exits,
// deadline passes or the speaker closes, and returns its standard output.
// A program that is not installed is unavailable.
func (p *program) run(text string, deadline time.Time) ([]byte, error) {
	path, err := exec.LookPath(p.path)
	if err != nil {
		return nil, unavailable{errors.New("not installed")}
	}
	ctx, cancel := context.WithDeadline(p.ctx, deadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, p.args...)
	hide(cmd)
	var out, stderr capped
	out.max, stderr.max = maxOutput, 4096
	cmd.Stdin, cmd.Stdout, cmd.Stderr = strings.NewReader(text), &out, &stderr
	// Something the program started that keeps its output open must not
	// hold us past the deadline.
	cmd.WaitDelay = time.Second
	err = cmd.Run()
	switch {
	case p.ctx.Err() != nil:
		return nil, ErrClosed
	case ctx.Err() != nil:
		return nil, fmt.Errorf("%w: %s was still running", ErrTimeout, p.path)
	case out.full != nil:
		return nil, out.full
	case err != nil:
		if msg := strings.TrimSpace(stderr.b.String()); msg != "" {
			return nil, fmt.Errorf("%v: %s", err, firstLine(msg))
		}
		return nil, err
	}
	return out.b.Bytes(), nil
}

// close ends a run in progress, and every later one at once.
func (p *program) close() { p.cancel() }

// capped is a buffer that refuses to grow past max. It has no ReadFrom,
// so that copying into it goes through Write.
type capped struct {
	b    bytes.Buffer
	max  int
	full error // why a write was refused
}

func (c *capped) Write(p []byte) (int, error) {
	if c.b.Len()+len(p) > c.max {
		c.full = fmt.Errorf("more than %d bytes of output", c.max)
		return 0, c.full
	}
	return c.b.Write(p)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
