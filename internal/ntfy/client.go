package ntfy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// client makes the HTTP requests; the Publisher's worker is its only user.
type client struct {
	cfg  Config
	http *http.Client
}

// Bounds on what is read of an answer: an error's text is a line's worth;
// a publish's answer is the message as ntfy stored it (a body of up to
// 4 KiB, its title, tags and actions).
const (
	maxErrorBody  = 512
	maxAnswerBody = 64 << 10
)

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
	if c.cfg.Ack && m.Ack != "" {
		a, err := c.cfg.ackAction(m.Ack, m.AckID)
		if err != nil {
			return err
		}
		h.Set("Actions", headerText(a))
	}
	body, err := c.do(req)
	if err != nil {
		return err
	}
	return publishAnswer(req, body)
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
	_, err = c.do(req)
	return err
}

// do sends req with the token and returns the answer's body; any answer
// but 2xx is an error, a redirect included (see refuseRedirects).
func (c client) do(req *http.Request) ([]byte, error) {
	if c.cfg.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.cfg.Token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.scrub(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 == 2 {
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswerBody))
		return body, c.scrub(err)
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	says := serverSays(body)
	if loc := resp.Header.Get("Location"); resp.StatusCode/100 == 3 && loc != "" {
		says = fmt.Sprintf(" to %s: redirects are not followed; set url to the server that answers", redactedURL(loc))
	}
	return nil, c.scrub(fmt.Errorf("%s %s: %s%s", req.Method, req.URL.Redacted(), resp.Status, says))
}

// refuseRedirects is the http.Client's CheckRedirect: a redirect is the
// answer, not a request to make. Go would follow a 302 to a POST with a GET,
// which another server answers 200 to: the push would be lost with nobody
// told. The token never leaves the configured server either.
func refuseRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// withoutRedirects is a copy of c that refuses redirects (a new client when
// c is nil).
func withoutRedirects(c *http.Client) *http.Client {
	own := &http.Client{}
	if c != nil {
		*own = *c
	}
	own.CheckRedirect = refuseRedirects
	return own
}

// publishAnswer checks that body is ntfy's answer to a publish, the message
// it stored, with its id: anything else (a captive portal's page, a proxy's
// "OK") answered 200 without publishing.
func publishAnswer(req *http.Request, body []byte) error {
	var m struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(body, &m) != nil || m.ID == "" {
		return fmt.Errorf("%s %s: the answer is not ntfy's (no message id): is url an ntfy server?", req.Method, req.URL.Redacted())
	}
	return nil
}

// redactedURL is s without a password, as one short token of a line.
func redactedURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "an address that is not a URL"
	}
	shown := u.Redacted()
	if len(shown) > 120 {
		shown = shown[:120] + "…"
	}
	return strconv.Quote(shown)
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
