package ntfy

import "strings"

// ackAction is the Actions header of a reminder with the phone's button
// labelled label, in ntfy's simple format
// (https://docs.ntfy.sh/publish/#action-buttons, "Using a header" and "Send
// HTTP request"): an http action, so that the phone itself POSTs id to the
// reply topic on the same server, with the token when there is one, and
// clears the notification once the server took it ("clear=true" clears only
// after the request succeeds). Every key is named, so that a label or URL
// holding "=" is not read as one.
func (c Config) ackAction(label, id string) (string, error) {
	u, err := c.replyURL()
	if err != nil {
		return "", err
	}
	fields := []string{
		"action=http",
		"label=" + actionValue(label),
		"url=" + actionValue(u.String()),
		"method=POST",
	}
	if c.Token != "" {
		fields = append(fields, "headers.Authorization="+actionValue("Bearer "+c.Token))
	}
	fields = append(fields, "body="+actionValue(id), "clear=true")
	return strings.Join(fields, ", "), nil
}

// actionValue is s as a value of the simple format: in double quotes, with
// its own escaped, when it holds what would end the value (a comma or a
// semicolon) or would start a quote.
func actionValue(s string) string {
	if !strings.ContainsAny(s, ",;") && !strings.HasPrefix(s, `"`) && !strings.HasPrefix(s, "'") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}
