//go:build !darwin && !windows

package speech

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
)

// ssipConn is one connection to speech-dispatcher, speaking SSIP: lines
// ending in CRLF; a reply is one or more lines "NNN-text" ending with one
// "NNN text"; codes 2xx say yes, 3xx to 5xx say no, 7xx are events the
// server sends unasked (a message began, ended, was cancelled).
type ssipConn struct {
	nc net.Conn
	r  *bufio.Reader
	// events holds the events read while waiting for a reply, in order.
	events []ssipReply
}

// ssipReply is one reply or event: its code and the text of each line.
type ssipReply struct {
	code  int
	lines []string
}

// The SSIP events waited for.
const (
	ssipEnd       = 702 // the message was spoken to its end
	ssipCancelled = 703 // the message was cancelled (by a more urgent one, or stopped)
)

// maxSSIPLine bounds a line read from the socket: whoever listens there
// cannot make us read without end.
const maxSSIPLine = 4096

// dialSSIP connects to the socket at path and says who we are, all before
// deadline. The messages are sent at priority "message", which a screen
// reader's ordinary text does not interrupt; every message's events are
// sent, so its end can be waited for.
func dialSSIP(path string, deadline time.Time) (*ssipConn, error) {
	nc, err := (&net.Dialer{Deadline: deadline}).Dial("unix", path)
	if err != nil {
		return nil, err
	}
	c := &ssipConn{nc: nc, r: bufio.NewReaderSize(nc, maxSSIPLine)}
	for _, cmd := range []string{
		"SET SELF CLIENT_NAME user:icetimer:main",
		"SET SELF NOTIFICATION ALL on",
		"SET SELF PRIORITY message",
	} {
		if _, err := c.command(cmd, deadline); err != nil {
			c.close()
			return nil, err
		}
	}
	return c, nil
}

// say has text spoken and waits for its end. queued says the server took
// the message: after that, an error may come when it was said all the same,
// so it is not tried again.
func (c *ssipConn) say(text string, deadline time.Time) (queued bool, err error) {
	if _, err := c.command("SPEAK", deadline); err != nil {
		return false, err
	}
	reply, err := c.send(ssipText(text), deadline)
	if err != nil {
		return false, err
	}
	if len(reply.lines) < 2 {
		return true, fmt.Errorf("the message was queued with no id: %v", reply.lines)
	}
	return true, c.waitEnd(reply.lines[0], deadline)
}

// waitEnd waits for the end of message id.
func (c *ssipConn) waitEnd(id string, deadline time.Time) error {
	for {
		var ev ssipReply
		if len(c.events) > 0 {
			ev, c.events = c.events[0], c.events[1:]
		} else {
			_ = c.nc.SetReadDeadline(deadline)
			var err error
			if ev, err = readSSIP(c.r); err != nil {
				return err
			}
		}
		// An event of an earlier message (one that timed out) is not ours.
		if len(ev.lines) == 0 || ev.lines[0] != id {
			continue
		}
		switch ev.code {
		case ssipEnd:
			return nil
		case ssipCancelled:
			return errors.New("speech-dispatcher cancelled it (a more urgent message, or speech was stopped)")
		}
	}
}

// command sends one command line and returns its reply.
func (c *ssipConn) command(line string, deadline time.Time) (ssipReply, error) {
	return c.send(line+"\r\n", deadline)
}

// send writes data and reads the reply to it, keeping the events that come
// first; a reply that says no is an error.
func (c *ssipConn) send(data string, deadline time.Time) (ssipReply, error) {
	_ = c.nc.SetDeadline(deadline)
	if _, err := c.nc.Write([]byte(data)); err != nil {
		return ssipReply{}, err
	}
	for {
		reply, err := readSSIP(c.r)
		if err != nil {
			return reply, err
		}
		if reply.code/100 == 7 {
			c.events = append(c.events, reply)
			continue
		}
		if reply.code/100 != 2 {
			first, _, _ := strings.Cut(data, "\r\n")
			return reply, fmt.Errorf("speech-dispatcher refused %q: %d %s", first, reply.code, strings.Join(reply.lines, " "))
		}
		return reply, nil
	}
}

func (c *ssipConn) close() { _ = c.nc.Close() }

// readSSIP reads one reply or event.
func readSSIP(r *bufio.Reader) (ssipReply, error) {
	var reply ssipReply
	for {
		line, err := r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			return reply, fmt.Errorf("a line from speech-dispatcher is longer than %d bytes", maxSSIPLine)
		}
		if err != nil {
			return reply, err
		}
		text := strings.TrimRight(string(line), "\r\n")
		code, err := strconv.Atoi(text[:min(3, len(text))])
		if err != nil || len(text) < 4 || (text[3] != '-' && text[3] != ' ') || (reply.lines != nil && code != reply.code) {
			return reply, fmt.Errorf("not an SSIP reply line: %q", text)
		}
		reply.code = code
		reply.lines = append(reply.lines, text[4:])
		if text[3] == ' ' {
			return reply, nil
		}
	}
}

// ssipText is text as SPEAK's data: its lines ending in CRLF, a line that
// begins with a dot given another (the data ends at a line holding only a
// dot), then that line.
func ssipText(text string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(text, "\n") {
		if strings.HasPrefix(line, ".") {
			b.WriteByte('.')
		}
		b.WriteString(line)
		b.WriteString("\r\n")
	}
	b.WriteString(".\r\n")
	return b.String()
}
