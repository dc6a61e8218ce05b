package ntfy

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// maxLine bounds one line of the stream: a reply is a few hundred bytes,
// and ntfy's largest message (4 KiB of text) fits twice over.
const maxLine = 8 << 10

var errLineTooLong = errors.New("a line longer than 8 KiB")

// stream follows one subscription from since, handing on what it carries,
// until it fails, goes silent for Idle, or ctx ends; the error says why.
func (l *Listener) stream(ctx context.Context, since string, out chan<- Reply, ignored *reporter) error {
	u, err := l.client.cfg.replyURL()
	if err != nil {
		return err
	}
	u = u.JoinPath("json")
	u.RawQuery = url.Values{"since": {since}}.Encode()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	answer := time.AfterFunc(l.o.Timeout, func() { cancel(fmt.Errorf("no answer within %s", l.o.Timeout)) })
	resp, err := l.open(ctx, u)
	answer.Stop()
	if err != nil {
		return causeOf(ctx, err)
	}
	defer resp.Body.Close()
	silent := time.AfterFunc(l.o.Idle, func() { cancel(fmt.Errorf("nothing came, not even a keepalive, within %s", l.o.Idle)) })
	defer silent.Stop()
	rd := bufio.NewReaderSize(resp.Body, maxLine)
	report := func(err error) {
		if line, ok := ignored.take(time.Now(), err.Error()); ok {
			send(out, Reply{Err: errors.New(line)})
		}
	}
	for {
		line, err := readLine(rd)
		switch {
		case errors.Is(err, errLineTooLong):
			silent.Reset(l.o.Idle)
			report(fmt.Errorf("phone replies: ignored %v", err))
			continue
		case errors.Is(err, io.EOF):
			return causeOf(ctx, errors.New("the server ended the stream"))
		case err != nil:
			return causeOf(ctx, err)
		}
		silent.Reset(l.o.Idle)
		var e event
		if json.Unmarshal(line, &e) != nil {
			report(errors.New("phone replies: ignored a line that is not ntfy's JSON"))
			continue
		}
		switch {
		case e.Event == "open" || e.Event == "keepalive":
			l.seen(e)
			continue
		case e.Event != "message":
			continue // ntfy's other events (a message deleted or cleared) say nothing to act on
		case !validMessageID(e.ID) || e.Topic != l.client.cfg.ReplyTopic():
			report(errors.New("phone replies: ignored a message that is not ntfy's (a bad ID or another topic)"))
			continue
		}
		r := l.judge(e)
		if r.Err != nil {
			l.seen(e)
			report(r.Err)
			continue
		}
		silent.Stop() // the reader may take its time
		before := l.seen(e)
		select {
		case out <- r:
		case <-ctx.Done():
			l.unsee(before) // not handed on: the next driver must see it again
			return context.Cause(ctx)
		}
		silent.Reset(l.o.Idle)
	}
}

// open sends the subscription's request and checks its answer.
func (l *Listener) open(ctx context.Context, u *url.URL) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	if l.client.cfg.Token != "" {
		req.Header.Set("Authorization", "Bearer "+l.client.cfg.Token)
	}
	resp, err := l.client.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return nil, fmt.Errorf("GET %s: %s%s", u.Redacted(), resp.Status, serverSays(body))
	}
	return resp, nil
}

// causeOf is why ctx ended, when it did (a timer's reason reads better
// than "context canceled"), else err.
func causeOf(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); cause != nil {
		return cause
	}
	return err
}

// readLine reads one line of at most maxLine; a longer one is skipped
// whole and errLineTooLong returned. The line is valid until the next read.
func readLine(rd *bufio.Reader) ([]byte, error) {
	line, err := rd.ReadSlice('\n')
	if !errors.Is(err, bufio.ErrBufferFull) {
		return line, err
	}
	for errors.Is(err, bufio.ErrBufferFull) {
		_, err = rd.ReadSlice('\n')
	}
	if err == nil {
		err = errLineTooLong
	}
	return nil, err
}
