package ntfytest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"strings"
)

// Action is one button of a message, read from its Actions header in
// ntfy's simple format (https://docs.ntfy.sh/publish/#using-a-header).
type Action struct {
	Action, Label, URL, Method, Body string
	Headers                          map[string]string
	Clear                            bool
}

// maxActions is how many buttons ntfy allows on one message.
const maxActions = 3

// actionKey is a "key=" at the start of a field.
var actionKey = regexp.MustCompile(`^([-.\w]+)\s*=\s*`)

// parseActions reads an Actions header as ntfy does: actions separated by
// ";", fields by ","; a field is "key=value" or, for the first three, a
// bare action, label and URL; a value may be quoted with " or ' (and a
// backslash before the quote escapes it). A header may be an RFC 2047
// encoded word.
func parseActions(header string) ([]Action, error) {
	s, err := new(mime.WordDecoder).DecodeHeader(header)
	if err != nil {
		return nil, err
	}
	var actions []Action
	for strings.TrimSpace(s) != "" {
		a := Action{Method: http.MethodPost, Headers: map[string]string{}}
		for field, last := 0, false; !last; field++ {
			var key, value string
			s = strings.TrimLeft(s, " \t")
			if m := actionKey.FindStringSubmatch(s); m != nil {
				key, s = m[1], s[len(m[0]):]
			}
			if value, s, last, err = actionField(s); err != nil {
				return nil, err
			}
			if err := a.set(field, key, value); err != nil {
				return nil, err
			}
		}
		if err := a.check(); err != nil {
			return nil, err
		}
		actions = append(actions, a)
	}
	if len(actions) > maxActions {
		return nil, fmt.Errorf("%d actions: at most %d", len(actions), maxActions)
	}
	return actions, nil
}

// actionField reads one value from the start of s and returns it, the rest
// after its "," or ";", and whether it ended the action.
func actionField(s string) (value, rest string, last bool, err error) {
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		q := s[0]
		end := 1
		for end < len(s) && (s[end] != q || s[end-1] == '\\') {
			end++
		}
		if end == len(s) {
			return "", "", false, errors.New("unexpected end of input in a quoted value")
		}
		value = strings.ReplaceAll(s[1:end], `\`+string(q), string(q))
		rest = strings.TrimLeft(s[end+1:], " \t")
		if rest != "" && rest[0] != ',' && rest[0] != ';' {
			return "", "", false, fmt.Errorf("unexpected %q after a quoted value", rest[0])
		}
	} else {
		i := strings.IndexAny(s, ",;")
		if i < 0 {
			i = len(s)
		}
		value, rest = strings.TrimSpace(s[:i]), s[i:]
	}
	if rest == "" {
		return value, "", true, nil
	}
	return value, rest[1:], rest[0] == ';', nil
}

// set applies one field, as ntfy's populateAction does.
func (a *Action) set(field int, key, value string) error {
	switch {
	case key == "" && field == 0:
		key = "action"
	case key == "" && field == 1:
		key = "label"
	case key == "" && field == 2 && (a.Action == "view" || a.Action == "http"):
		key = "url"
	}
	if name, ok := strings.CutPrefix(key, "headers."); ok {
		a.Headers[name] = value
		return nil
	}
	switch strings.ToLower(key) {
	case "action":
		a.Action = value
	case "label":
		a.Label = value
	case "url":
		a.URL = value
	case "method":
		a.Method = strings.ToUpper(value)
	case "body":
		a.Body = value
	case "clear":
		switch strings.ToLower(value) {
		case "true", "yes", "1":
			a.Clear = true
		case "false", "no", "0":
		default:
			return fmt.Errorf("clear=%q: only boolean values", value)
		}
	case "":
		return fmt.Errorf("term %q unknown", value)
	default:
		return fmt.Errorf("key %q unknown", key)
	}
	return nil
}

// check refuses what ntfy refuses.
func (a Action) check() error {
	switch {
	case a.Action != "view" && a.Action != "http" && a.Action != "broadcast":
		return fmt.Errorf("action %q unknown", a.Action)
	case a.Label == "":
		return errors.New("parameter 'label' is required")
	case a.Action != "broadcast" && a.URL == "":
		return fmt.Errorf("parameter 'url' is required for action %q", a.Action)
	case a.Action == "http" && (a.Method == http.MethodGet || a.Method == http.MethodHead) && a.Body != "":
		return fmt.Errorf("parameter 'body' cannot be set if method is %s", a.Method)
	}
	return nil
}

// Actions is the buttons of the i-th request (see Requests).
func (s *Server) Actions(i int) ([]Action, error) {
	reqs := s.Requests()
	if i < 0 || i >= len(reqs) {
		return nil, fmt.Errorf("no request %d: %d so far", i, len(reqs))
	}
	return parseActions(reqs[i].Header.Get("Actions"))
}

// Press taps the http button labelled label on the i-th request's message,
// as the ntfy app does: it sends the button's request (method, headers and
// body) to its URL, and fails unless the answer is 2xx (the app then keeps
// the notification).
func (s *Server) Press(ctx context.Context, i int, label string) error {
	actions, err := s.Actions(i)
	if err != nil {
		return err
	}
	for _, a := range actions {
		if a.Action != "http" || a.Label != label {
			continue
		}
		req, err := http.NewRequestWithContext(ctx, a.Method, a.URL, strings.NewReader(a.Body))
		if err != nil {
			return err
		}
		for k, v := range a.Headers {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body)
		if resp.StatusCode/100 != 2 {
			return fmt.Errorf("%s %s: %s", a.Method, a.URL, resp.Status)
		}
		return nil
	}
	return fmt.Errorf("request %d has no http button %q", i, label)
}
