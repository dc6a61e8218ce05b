// Package ntfy publishes icetimer's reminders to a phone through an ntfy
// server (https://ntfy.sh or a self-hosted one) with plain net/http, keeps
// one scheduled message on the server for the course's next change, so that
// the phone still rings when the laptop sleeps or icetimer dies, and hears
// the phone's buttons.
//
// What the server is asked, per ntfy's publish API:
//   - a reminder: POST URL/TOPIC, the body its text, headers Title,
//     Priority (5 to take a pack off, 3 otherwise) and Tags;
//   - the next change ahead: the same with At (a Unix time) and
//     X-Sequence-ID naming the change (see SequenceID);
//   - a change of plan: a new POST with another sequence ID after a DELETE
//     URL/TOPIC/SEQUENCE-ID of the one scheduled before, or only the
//     DELETE when nothing comes next.
//
// With Ack, a reminder that waits for the person carries a button (an http
// action, see actions.go) with which the phone itself POSTs the change's
// sequence ID to the reply topic, TOPIC-ack, on the same server; a Listener
// follows that topic and hands the replies to the driver.
//
// A redirect, or any answer but 2xx, is a failure: a redirect is never
// followed, so that a push is never lost without a word (Go would turn a
// POST into a GET) and the token never reaches another server.
//
// Replacing and deleting a scheduled message by its sequence ID needs an
// ntfy server from 2026 on (sequence IDs came with 2.16; deleting a message
// that is still scheduled came with them, ntfy pull request 1556). An older
// server ignores the sequence ID and keeps every scheduled message: a
// paused or skipped course then still rings at the old times.
package ntfy

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Config is the [ntfy] table of the config file.
type Config struct {
	// URL is the server's base URL, e.g. https://ntfy.sh.
	URL string
	// Topic is the topic the phone subscribes to.
	Topic string
	// Token is an access token, sent as "Authorization: Bearer"; empty for
	// none. It never appears in an error, a log or a line on screen.
	Token string
	// Ack puts a button on the reminders that wait for the person, which
	// makes the phone reply on ReplyTopic (see Listener).
	Ack bool
}

// ReplySuffix makes the topic the phone's buttons reply on: TOPIC-ack.
const ReplySuffix = "-ack"

// maxTopic is the longest topic ntfy accepts.
const maxTopic = 64

// ReplyTopic is the topic the phone's buttons reply on, beside Topic on the
// same server: the phone reaches it wherever it reaches the reminders.
func (c Config) ReplyTopic() string { return c.Topic + ReplySuffix }

// Enabled reports whether c names a server and a topic: phone push is on.
func (c Config) Enabled() bool { return c.URL != "" && c.Topic != "" }

// Check says what is wrong with c, in one line, or nil.
func (c Config) Check() error {
	_, err := c.topicURL()
	if err == nil && c.Ack && len(c.ReplyTopic()) > maxTopic {
		err = fmt.Errorf("ntfy topic %q: the replies' topic %s would be longer than ntfy's %d characters", c.Topic, c.ReplyTopic(), maxTopic)
	}
	return err
}

// topicURL is URL/TOPIC, where reminders are published.
func (c Config) topicURL() (*url.URL, error) {
	return c.urlOf(c.Topic)
}

// replyURL is URL/TOPIC-ack, where the phone's buttons reply.
func (c Config) replyURL() (*url.URL, error) {
	return c.urlOf(c.ReplyTopic())
}

// urlOf is URL/topic, checked.
func (c Config) urlOf(topic string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimRight(c.URL, "/"))
	switch {
	case err != nil:
		return nil, errors.New("ntfy url: not a URL")
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("ntfy url %q: want http:// or https://", u.Redacted())
	case u.Host == "":
		return nil, fmt.Errorf("ntfy url %q: no server named", u.Redacted())
	case c.Topic == "" || strings.ContainsAny(c.Topic, "/?#") || c.Topic != strings.TrimSpace(c.Topic):
		return nil, fmt.Errorf("ntfy topic %q: want one word, no slashes", c.Topic)
	}
	return u.JoinPath(topic), nil
}

// String shows c without its token, so that printing a Config by mistake
// leaks nothing.
func (c Config) String() string {
	token := "none"
	if c.Token != "" {
		token = "set"
	}
	shown := c.URL
	if u, err := url.Parse(c.URL); err == nil {
		shown = u.Redacted()
	}
	return fmt.Sprintf("ntfy{url %s, topic %s, token %s, ack %t}", shown, c.Topic, token, c.Ack)
}

// GoString hides the token from %#v as String does from %v.
func (c Config) GoString() string { return c.String() }
