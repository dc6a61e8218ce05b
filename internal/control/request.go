package control

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Version is the protocol version this package speaks: every line carries
// it as "v", and a request with another is refused (code "version").
const Version = 1

// MaxLine caps a request line, its newline left out: a longer one is
// refused (code "too-long") and nothing of it is applied.
const MaxLine = 64 << 10

// maxFrom caps the "from" field: a few words on who asks, printed by the
// driver.
const maxFrom = 80

// A Verb is what a request asks the driver to do.
type Verb string

// The verbs a client may send with Do; each is the action of the command of
// the same name (CLI.md, third version).
const (
	Pause     Verb = "pause"
	Resume    Verb = "resume"
	Skip      Verb = "skip"
	Extend    Verb = "extend"   // amount: optional (the driver's default when not given)
	Shorten   Verb = "shorten"  // amount: optional (the driver's default when not given)
	OnSince   Verb = "on-since" // amount: required
	Restart   Verb = "restart"
	Ack       Verb = "ack"
	Pain      Verb = "pain" // score: required; note and at optional
	NextStage Verb = "next-stage"
	Stop      Verb = "stop"
	SkinOK    Verb = "skin-ok"
	SkinNumb  Verb = "skin-numb"
)

// watchVerb asks for the stream of course updates; Watch sends it, Do
// refuses it.
const watchVerb Verb = "watch"

// fields says which optional fields a verb takes.
type fields struct {
	amount, needAmount bool
	pain               bool // score (required), note and at
}

// verbs are the verbs the server knows, with the fields each takes; any
// field not listed for a verb is refused.
var verbs = map[Verb]fields{
	Pause: {}, Resume: {}, Skip: {}, Restart: {}, Ack: {}, NextStage: {}, Stop: {}, SkinOK: {}, SkinNumb: {},
	Extend:    {amount: true},
	Shorten:   {amount: true},
	OnSince:   {amount: true, needAmount: true},
	Pain:      {pain: true},
	watchVerb: {},
}

// Request is one thing a client asks the driver to do.
type Request struct {
	Do Verb
	// Amount is the duration extend and shorten change the phase by, and
	// on-since counts back; 0 when not given.
	Amount time.Duration
	// Score is pain's score; Note and At go with it (At zero: now). The
	// range of a score is the engine's rule, not checked here.
	Score int
	Note  string
	At    time.Time
	// From says in a few words who asks ("icetimer pause", "view 4242"), so
	// that the driver can say where a change came from. It comes from
	// another process: make it safe before printing it.
	From string
}

// wireRequest is a request as it travels: optional fields are strings or
// pointers, so that "not given" and a zero value differ.
type wireRequest struct {
	V      int    `json:"v"`
	Do     Verb   `json:"do"`
	Amount string `json:"amount,omitempty"`
	Score  *int   `json:"score,omitempty"`
	Note   string `json:"note,omitempty"`
	At     string `json:"at,omitempty"`
	From   string `json:"from,omitempty"`
}

// encodeRequest is req's line, newline included, once checked as the
// server will check it.
func encodeRequest(req Request) ([]byte, error) {
	w := wireRequest{V: Version, Do: req.Do, Note: req.Note, From: req.From}
	if req.Amount != 0 {
		w.Amount = req.Amount.String()
	}
	if req.Do == Pain {
		w.Score = &req.Score
	}
	if !req.At.IsZero() {
		w.At = req.At.Format(time.RFC3339Nano)
	}
	if _, err := w.request(); err != nil {
		return nil, err
	}
	line, err := json.Marshal(w)
	if err != nil {
		return nil, err
	}
	if len(line) > MaxLine {
		return nil, &RefusalError{Code: CodeTooLong, Message: tooLong}
	}
	return append(line, '\n'), nil
}

// parseRequest reads one request line; a line that is not a request the
// server can apply is a *RefusalError saying why.
func parseRequest(line []byte) (Request, error) {
	var w wireRequest
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return Request{}, badRequest("the line is not a request: %s", jsonProblem(err))
	}
	if dec.More() {
		return Request{}, badRequest("one JSON object per line, and nothing after it")
	}
	return w.request()
}

// request checks w and turns it into a Request.
func (w wireRequest) request() (Request, error) {
	if w.V != Version {
		return Request{}, &RefusalError{Code: CodeVersion, Message: fmt.Sprintf(
			"this icetimer speaks control protocol version %d, the request said %d: use the same icetimer for both", Version, w.V)}
	}
	f, ok := verbs[w.Do]
	if !ok {
		return Request{}, &RefusalError{Code: CodeUnknownVerb, Message: fmt.Sprintf("unknown request %q; known: %s", w.Do, verbList())}
	}
	req := Request{Do: w.Do, Note: w.Note, From: w.From}
	switch {
	case w.Amount != "" && !f.amount:
		return Request{}, badRequest("%s takes no amount", w.Do)
	case w.Amount == "" && f.needAmount:
		return Request{}, badRequest("%s needs an amount, a duration such as \"10m\"", w.Do)
	case w.Score == nil && f.pain:
		return Request{}, badRequest("%s needs a score", w.Do)
	case !f.pain && (w.Score != nil || w.Note != "" || w.At != ""):
		return Request{}, badRequest("%s takes no score, note or time", w.Do)
	case len(w.From) > maxFrom:
		return Request{}, badRequest("from is longer than %d bytes", maxFrom)
	}
	if w.Amount != "" {
		d, err := time.ParseDuration(w.Amount)
		if err != nil || d <= 0 {
			return Request{}, badRequest("amount %q is not a positive duration such as \"5m\" or \"1h30m\"", w.Amount)
		}
		req.Amount = d
	}
	if w.Score != nil {
		req.Score = *w.Score
	}
	if w.At != "" {
		at, err := time.Parse(time.RFC3339Nano, w.At)
		if err != nil {
			return Request{}, badRequest("at %q is not an RFC 3339 time such as \"2026-11-21T14:20:00+01:00\"", w.At)
		}
		req.At = at.Round(0)
	}
	return req, nil
}

// verbList names the known verbs, for the unknown-verb refusal.
func verbList() string {
	var names []string
	for _, v := range slices.Sorted(maps.Keys(verbs)) {
		names = append(names, string(v))
	}
	return strings.Join(names, ", ")
}

func badRequest(format string, args ...any) *RefusalError {
	return &RefusalError{Code: CodeBadRequest, Message: fmt.Sprintf(format, args...)}
}

// jsonProblem says what is wrong with a line in a few words, without
// echoing the line back.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("not JSON (at byte %d)", syntax.Offset)
	case errors.As(err, &typ) && typ.Field != "":
		return fmt.Sprintf("field %q cannot be a %s", typ.Field, typ.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return strings.TrimPrefix(err.Error(), "json: ")
	}
	return "not one JSON object"
}
