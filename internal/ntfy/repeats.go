package ntfy

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/icetimer/icetimer/internal/words"
)

// Bounds on the repeats scheduled on the server.
const (
	// MaxRepeats is how many repeats of one reminder are scheduled at once:
	// each is a request, and ntfy.sh lets a client make 60 in a burst, then
	// one every 5 seconds.
	MaxRepeats = 15
	// MinRepeatStep is the shortest time between two repeats rung by the
	// server: a phone that rings every minute by itself is nagging enough,
	// and the computer, while it is there, repeats as often as asked.
	MinRepeatStep = time.Minute
)

// ScheduleRepeats schedules on the server the repeats of a reminder that
// waits, so that the phone keeps ringing if the computer sleeps or dies:
// again is the reminder told again (words.Repeat), for the change at
// again.At, and its repeats come every `every` (MinRepeatStep at least)
// from that change until `until` (the next change), MaxRepeats at most.
// The driver calls it when a remove reminder fires, or when it takes over a
// course whose reminder waits (the repeats have the same sequence IDs, so
// they replace those a dead driver left). Repeats for another change are
// deleted first.
//
// While the server holds repeats of that change still to ring, Publish
// sends no repeat of it: the server rings them, and the phone would ring
// twice.
func (p *Publisher) ScheduleRepeats(again words.Reminder, every time.Duration, until time.Time) <-chan Result {
	step := max(every, MinRepeatStep)
	var want []Message
	for k := 1; k <= MaxRepeats; k++ {
		m := MessageFor(again)
		m.At = again.At.Add(time.Duration(k) * step)
		if !m.At.Before(until) {
			break
		}
		m.SequenceID = repeatID(again.At, k)
		want = append(want, m)
	}
	return p.queueRepeats(fmt.Sprintf("schedule the repeats of %q", again.Title), want)
}

// CancelRepeats deletes the repeats scheduled on the server, those the
// phone shows already too: the reminder was acknowledged, from anywhere, or
// stopped waiting (a pause, a skip, the next change).
func (p *Publisher) CancelRepeats() <-chan Result {
	return p.queueRepeats("cancel the repeats", nil)
}

// InheritRepeats records that an earlier process may have left on the
// server the repeats of the change at change (it died, or stopped driving,
// while that reminder waited), so that the next ScheduleRepeats for another
// change, or CancelRepeats, deletes them: a command that acknowledges while
// no icetimer drives the course. Their times are not known: the computer's
// own repeats are not held back for them (see serverRings). Repeats this
// Publisher scheduled itself are kept as they are.
func (p *Publisher) InheritRepeats(change time.Time) {
	p.gate.Lock()
	defer p.gate.Unlock()
	for k := 1; k <= MaxRepeats; k++ {
		id := repeatID(change, k)
		if _, ok := p.repeats[id]; !ok {
			p.repeats[id] = Message{SequenceID: id}
		}
	}
}

// repeatID names the k-th repeat of the change at change on the server.
func repeatID(change time.Time, k int) string {
	return SequenceID(change) + "-" + strconv.Itoa(k)
}

// queueRepeats queues a turn to make want the repeats on the server.
func (p *Publisher) queueRepeats(what string, want []Message) <-chan Result {
	j := job{what: what, repeats: &want, queued: time.Now(), reply: make(chan Result, 1)}
	p.gate.Lock()
	defer p.gate.Unlock()
	if err := p.enqueue(j); err != nil {
		j.answer(err)
	}
	return j.reply
}

// replaceRepeats makes the server hold want instead of the repeats held
// now: it deletes those not wanted, then schedules those not there yet
// (one too close to its time for ntfy is left to the computer). It stops
// at the first failure, so that a dead server costs one timeout, not one
// per repeat; what it did is kept, and the next turn carries on from there.
func (p *Publisher) replaceRepeats(want []Message) error {
	p.gate.Lock()
	held := maps.Clone(p.repeats)
	p.gate.Unlock()
	defer func() {
		p.gate.Lock()
		p.repeats = held
		p.gate.Unlock()
	}()
	wanted := map[string]bool{}
	for _, m := range want {
		wanted[m.SequenceID] = true
	}
	for _, m := range byTime(held) {
		if wanted[m.SequenceID] {
			continue
		}
		if err := p.request(func(ctx context.Context) error { return p.client.remove(ctx, m.SequenceID) }); err != nil {
			return fmt.Errorf("deleting %s: %w", repeatName(m), err)
		}
		delete(held, m.SequenceID)
	}
	now := p.now()
	for _, m := range want {
		if h, ok := held[m.SequenceID]; ok && sameMessage(h, m) {
			continue
		}
		if ahead := m.At.Sub(now); ahead < MinDelay || ahead > MaxDelay {
			continue
		}
		if err := p.request(func(ctx context.Context) error { return p.client.publish(ctx, m) }); err != nil {
			return fmt.Errorf("scheduling the repeat for %s: %w", m.At.Format(time.TimeOnly), err)
		}
		held[m.SequenceID] = m
	}
	return nil
}

// repeatName names repeat m in a line: by its time, when known.
func repeatName(m Message) string {
	if m.At.IsZero() {
		return "a repeat an earlier icetimer scheduled"
	}
	return "the repeat scheduled for " + m.At.Format(time.TimeOnly)
}

// serverRings reports whether the server holds a repeat of the change at
// change still to ring (or ringing now), so that the computer's own repeat
// is not sent.
func (p *Publisher) serverRings(change time.Time) bool {
	prefix := SequenceID(change) + "-"
	p.gate.Lock()
	defer p.gate.Unlock()
	for id, m := range p.repeats {
		if strings.HasPrefix(id, prefix) && !m.At.Before(p.now().Add(-deliverySlack)) {
			return true
		}
	}
	return false
}

// byTime is the messages of held, soonest first.
func byTime(held map[string]Message) []Message {
	return slices.SortedFunc(maps.Values(held), func(a, b Message) int { return a.At.Compare(b.At) })
}
