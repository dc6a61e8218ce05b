package ntfy

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Defaults of ListenOptions.
const (
	// DefaultIdle is the longest a stream may stay silent: ntfy sends a
	// keepalive every 45 s, so two missed ones mean the connection is dead
	// (a laptop that slept, a proxy that dropped it without a word).
	DefaultIdle = 100 * time.Second
	// DefaultMinBackoff and DefaultMaxBackoff bound the wait before opening
	// the stream again; it doubles after each stream that ended early.
	DefaultMinBackoff = time.Second
	DefaultMaxBackoff = time.Minute
	// DefaultReportEvery is how often at most a trouble, or a message that
	// is not applied, is reported: a flooded topic or a flapping server
	// makes one line a minute, with a count, not a line each time.
	DefaultReportEvery = time.Minute
)

// ListenOptions tune a Listener; zero fields take the defaults.
type ListenOptions struct {
	// Timeout bounds connecting and the server's answer (DefaultTimeout).
	Timeout time.Duration
	// Idle is how long a stream may send nothing, not even a keepalive,
	// before it is opened anew (DefaultIdle).
	Idle                   time.Duration
	MinBackoff, MaxBackoff time.Duration
	ReportEvery            time.Duration
	// Client makes the requests (a new http.Client); it must have no
	// Timeout, which would end every stream. Redirects are never followed.
	Client *http.Client
}

// Reply is one message on the reply topic, or a trouble with the stream.
type Reply struct {
	// ID is ntfy's ID of the message: saved with the course, it is where
	// the next driver's Listen picks up (see LastID).
	ID string
	// Change is the instant of the change whose reminder the reply
	// acknowledges.
	Change time.Time
	// At is when the server received it: when the person pressed.
	At time.Time
	// Err is nil for a reply to apply, as `icetimer ack` is applied.
	// Otherwise it says, in one line for the log, why nothing is to be
	// applied: the message is not an acknowledgement icetimer asked for, its
	// reminder is not waiting or was answered already, or the stream failed
	// (then ID is empty).
	Err error
}

// Listener follows the reply topic, where the phone's buttons post (see
// Config.Ack), and hands on the replies for the reminders that wait: one
// streaming subscription (ntfy's JSON stream, GET URL/TOPIC-ack/json),
// opened again after it fails, with a growing pause between attempts, from
// the last message it saw, so that nothing sent while it was away is lost.
// A line is at most 8 KiB and a stream that goes silent is dropped: what a
// server sends costs bounded time and memory.
type Listener struct {
	client client
	o      ListenOptions

	mu sync.Mutex
	// waiting is the sequence IDs of the changes whose reminders wait;
	// answered, the latest few that were answered here.
	waiting  map[string]bool
	answered []string
	// lastID is the last message seen on the topic; serverTime the server's
	// clock at the last event, which a stream with no message yet resumes
	// from.
	lastID     string
	serverTime int64
}

// remembered bounds answered: a late second press is seldom more than a
// few changes behind.
const remembered = 32

// NewListener makes a Listener for cfg's reply topic; Listen starts it.
func NewListener(cfg Config, o ListenOptions) *Listener {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Idle <= 0 {
		o.Idle = DefaultIdle
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = DefaultMinBackoff
	}
	if o.MaxBackoff < o.MinBackoff {
		o.MaxBackoff = max(DefaultMaxBackoff, o.MinBackoff)
	}
	if o.ReportEvery <= 0 {
		o.ReportEvery = DefaultReportEvery
	}
	return &Listener{client: client{cfg: cfg, http: withoutRedirects(o.Client)}, o: o, waiting: map[string]bool{}}
}

// SetWaiting says which changes' reminders wait for the person now (none:
// nothing waits). A reply is applied only for one of them, once; the driver
// calls it at each change and after each acknowledgement, from wherever it
// came.
func (l *Listener) SetWaiting(changes ...time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	clear(l.waiting)
	for _, c := range changes {
		l.waiting[SequenceID(c)] = true
	}
}

// LastID is the ID of the last message seen on the reply topic, to save
// with the course; empty when none was.
func (l *Listener) LastID() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lastID
}

// SinceTime is the since for Listen that picks up every reply from t on:
// for a course with no saved LastID, t is when it started.
func SinceTime(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }

// Listen follows the reply topic from since (a LastID saved before, or
// SinceTime; empty for every message the server keeps) until ctx ends, then
// closes the channel. Replies to apply are never dropped: the stream waits
// for the reader. Everything else is reported at most once per ReportEvery
// and dropped when the reader lags. Call it once.
func (l *Listener) Listen(ctx context.Context, since string) <-chan Reply {
	if since == "" {
		since = "all"
	}
	if validMessageID(since) {
		l.mu.Lock()
		l.lastID = since
		l.mu.Unlock()
	}
	out := make(chan Reply, 16)
	go l.run(ctx, since, out)
	return out
}

// run opens the stream again and again until ctx ends.
func (l *Listener) run(ctx context.Context, since string, out chan<- Reply) {
	defer close(out)
	troubles, ignored := reporter{every: l.o.ReportEvery}, reporter{every: l.o.ReportEvery}
	backoff := l.o.MinBackoff
	for {
		opened := time.Now()
		err := l.stream(ctx, l.position(since), out, &ignored)
		if ctx.Err() != nil {
			return
		}
		if time.Since(opened) >= l.o.MaxBackoff {
			backoff = l.o.MinBackoff // it ran a good while: a fresh failure
		}
		if line, ok := troubles.take(time.Now(), fmt.Sprintf("phone replies: %v; trying again in %s", l.client.scrub(err), backoff)); ok {
			send(out, Reply{Err: errors.New(line)})
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, l.o.MaxBackoff)
	}
}

// position is the since of the next stream: after the last message seen,
// else from the server's time at the last event (every message before it
// was streamed), else the since Listen was given.
func (l *Listener) position(since string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.lastID != "":
		return l.lastID
	case l.serverTime > 0:
		return strconv.FormatInt(l.serverTime, 10)
	}
	return since
}

// validMessageID is an ID as ntfy makes them: only such an ID may become a
// since, which a server reads as an ID (a number would be a time).
var validMessageID = regexp.MustCompile(`^[A-Za-z0-9]{12}$`).MatchString

// event is what the Listener reads of one line of the stream
// (https://docs.ntfy.sh/subscribe/api/#json-message-format).
type event struct {
	ID      string `json:"id"`
	Time    int64  `json:"time"`
	Event   string `json:"event"`
	Topic   string `json:"topic"`
	Message string `json:"message"`
}

// judge turns a message event into a Reply, taking its change off the
// waiting list when it is one to apply.
func (l *Listener) judge(e event) Reply {
	r := Reply{ID: e.ID, At: time.Unix(e.Time, 0)}
	change, ok := changeOf(e.Message)
	if !ok {
		r.Err = fmt.Errorf("phone replies: ignored message %s: not an acknowledgement icetimer asked for", e.ID)
		return r
	}
	r.Change = change
	id := SequenceID(change)
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.waiting[id]:
		delete(l.waiting, id)
		l.answered = append(l.answered, id)
		if len(l.answered) > remembered {
			l.answered = slices.Delete(l.answered, 0, len(l.answered)-remembered)
		}
	case slices.Contains(l.answered, id):
		r.Err = fmt.Errorf("phone replies: ignored a second acknowledgement of the change at %s", change.Format(time.DateTime))
	default:
		r.Err = fmt.Errorf("phone replies: ignored an acknowledgement of the change at %s: its reminder is not waiting", change.Format(time.DateTime))
	}
	return r
}

// seen records the server's clock at an event, and the ID of a message,
// and returns the last ID before.
func (l *Listener) seen(e event) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	before := l.lastID
	if e.Event == "message" {
		l.lastID = e.ID
	} else {
		l.serverTime = max(l.serverTime, e.Time)
	}
	return before
}

// unsee takes back the message just seen, which was not handed on.
func (l *Listener) unsee(before string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lastID = before
}

// send hands r on unless the reader lags.
func send(out chan<- Reply, r Reply) {
	select {
	case out <- r:
	default:
	}
}

// reporter lets a kind of report through at most once per every, and
// counts what it held back for the next one.
type reporter struct {
	every time.Duration
	last  time.Time
	held  int
}

// take returns the line to report now, if any.
func (r *reporter) take(now time.Time, line string) (string, bool) {
	if !r.last.IsZero() && now.Sub(r.last) < r.every {
		r.held++
		return "", false
	}
	if r.held > 0 {
		line += fmt.Sprintf(" (%d more since %s)", r.held, r.last.Format(time.TimeOnly))
	}
	r.last, r.held = now, 0
	return line, true
}
