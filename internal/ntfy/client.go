package ntfy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// client makes the HTTP requests; the Publisher's worker is its only user.
type client struct {
	cfg  Config
	http *http.Client
}

// maxErrorBody bounds what is read of an error answer: a line's worth.
const maxErrorBody = 512

// publish POSTs m to URL/TOPIC.
func (c client) publish(ctx context.Context, m Message) error {
	u, err := c.cfg.topicURL()
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), strings.NewReader(m.Body))
	if err != nil {
		return c.scrub(err)
	}
	h := req.Header
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Title", headerText(m.Title))
	h.Set("Priority", strconv.Itoa(m.Priority))
	if len(m.Tags) > 0 {
		h.Set("Tags", strings.Join(m.Tags, ","))
	}
	if m.SequenceID != "" {
		h.Set("X-Sequence-ID", m.SequenceID)
	}
	if !m.At.IsZero() {
		// A Unix time: unambiguous, unlike ntfy's natural-language forms.
		h.Set("At", strconv.FormatInt(m.At.Unix(), 10))
	}
	return c.do(req)
}

// remove DELETEs URL/TOPIC/ID: a message still scheduled is dropped from
// the server; one already delivered is removed from the phone.
func (c client) remove(ctx context.Context, id string) error {
	u, err := c.cfg.topicURL()
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, u.JoinPath(id).String(), nil)
	if err != nil {
		return c.scrub(err)
	}
	return c.do(req)
}

// do sends req with the token and turns any answer but 2xx into an error.
func (c client) do(req *http.Request) error {
	if c.cfg.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.cfg.Token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return c.scrub(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	if resp.StatusCode/100 == 2 {
		return nil
	}
	return c.scrub(fmt.Errorf("%s %s: %s%s", req.Method, req.URL.Redacted(), resp.Status, serverSays(body)))
}

// serverSays is the error ntfy put in its JSON answer, as one short line.
func serverSays(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if s == "" || !utf8.ValidString(s) {
		return ""
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return ": " + s
}

// scrub takes the token out of err's text, whatever put it there (a server
// echoing a header, a proxy's error page): it must never reach a screen or
// a log. The error's chain is kept for errors.Is.
func (c client) scrub(err error) error {
	if err == nil || c.cfg.Token == "" || !strings.Contains(err.Error(), c.cfg.Token) {
		return err
	}
	return scrubbed{text: strings.ReplaceAll(err.Error(), c.cfg.Token, "[token]"), err: err}
}

type scrubbed struct {
	text string
	err  error
}

func (s scrubbed) Error() string { return s.text }

// Unwrap lets errors.Is see a timeout; its text is not shown.
func (s scrubbed) Unwrap() error { return errors.Unwrap(s.err) }

// headerText makes s fit an HTTP header: ntfy decodes RFC 2047 encoded
// words, which carry anything that is not plain ASCII.
func headerText(s string) string {
	for _, r := range s {
		if r >= utf8.RuneSelf || r < ' ' {
			return mime.BEncoding.Encode("utf-8", s)
		}
	}
	return s
}
