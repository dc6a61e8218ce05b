package session

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/icetimer/icetimer/internal/notify"
	"github.com/icetimer/icetimer/internal/safety"
	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/sound"
	"github.com/icetimer/icetimer/internal/store"
	"github.com/icetimer/icetimer/internal/words"
)

// heldNotifier answers each notification only when the test says so.
type heldNotifier struct {
	sent      chan notify.Notification
	answers   chan notify.Result
	withdrawn []string
}

func newHeldNotifier() *heldNotifier {
	return &heldNotifier{sent: make(chan notify.Notification, 8), answers: make(chan notify.Result, 8)}
}

func (h *heldNotifier) Send(n notify.Notification) <-chan notify.Result {
	h.sent <- n
	return h.answers
}

func (h *heldNotifier) Close() {}

func (h *heldNotifier) Withdraw(tag string) { h.withdrawn = append(h.withdrawn, tag) }

// chimes records what a session played.
type chimes struct{ played []sound.Chime }

func (c *chimes) Play(ch sound.Chime) <-chan error {
	c.played = append(c.played, ch)
	done := make(chan error, 1)
	done <- errors.New("no sound server")
	return done
}

func (c *chimes) Close() {}

// A reminder plays its chime (the insistent one to take a pack off); when
// that fails the answer says so, for the bell. An ack takes the reminder it
// answered off the desktop.
func TestRemindPlaysAndAnAckWithdraws(t *testing.T) {
	desktop, player := newHeldNotifier(), &chimes{}
	now := testStart.Add(21 * time.Minute)
	s, err := Open(t.TempDir(), Options{Clock: func() time.Time { return now }, Notifier: desktop, Player: player})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := iceCourse(testStart)
	if err := s.Start(c); err != nil {
		t.Fatal(err)
	}
	off := c.Transitions(testStart.Add(20*time.Minute), now)
	r := words.For(c, off, c.StateAt(now), time.UTC)
	answer := s.Remind(r, now)
	if n := <-desktop.sent; n.Tag != words.Tag(off[0].At) || n.Ack == "" {
		t.Fatalf("sent %+v, want the change's tag and an ack button", n)
	}
	desktop.answers <- notify.Result{Outcome: notify.Delivered}
	if a := <-answer; a.SoundErr == nil || len(player.played) != 1 || player.played[0] != sound.PackOff {
		t.Fatalf("played %v, sound error %v; want the pack-off chime, failing", player.played, a.SoundErr)
	}
	c.Events = append(c.Events, schedule.Event{Type: schedule.Ack, At: now})
	if err := s.Save(s.Ticket(), c); err != nil {
		t.Fatal(err)
	}
	if len(desktop.withdrawn) != 1 || desktop.withdrawn[0] != words.Tag(off[0].At) {
		t.Fatalf("withdrawn %v, want the acknowledged reminder's tag", desktop.withdrawn)
	}
}

// The marker moves only once the desktop has answered: a crash before the
// answer repeats the reminder on resume rather than losing it (issue 9).
func TestRemindRecordsProgressAfterTheDesktopAnswers(t *testing.T) {
	dir := t.TempDir()
	desktop := newHeldNotifier()
	s, err := Open(dir, Options{Clock: func() time.Time { return testStart.Add(time.Hour) }, Notifier: desktop})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(iceCourse(testStart)); err != nil {
		t.Fatal(err)
	}
	through := testStart.Add(40*time.Minute + time.Nanosecond)
	answer := s.Remind(words.Reminder{Title: "Remove the ice pack"}, through)
	if n := <-desktop.sent; n.Title != "Remove the ice pack" {
		t.Fatalf("sent %q", n.Title)
	}
	if r, _ := s.Resume(); !r.Since.Equal(testStart) {
		t.Fatalf("progress recorded before the desktop answered: since %v", r.Since)
	}
	desktop.answers <- notify.Result{Outcome: notify.Delivered}
	if a := <-answer; !a.OK() || a.SaveErr != nil {
		t.Fatalf("answer %+v", a)
	}
	if r, _ := s.Resume(); !r.Since.Equal(through) {
		t.Fatalf("after the answer: since %v, want %v", r.Since, through)
	}
	s.Close()
}

// A session opened without a notifier (stop) answers that there is no
// desktop, at once.
func TestRemindWithoutANotifier(t *testing.T) {
	s, _ := openAt(t, t.TempDir(), testStart)
	a := <-s.Remind(words.Reminder{}, testStart)
	if a.OK() || !errors.Is(a.Err, notify.ErrNoDesktop) {
		t.Fatalf("answer %+v, want no desktop", a)
	}
}

// A person whose safety answers caution cold gets the stronger safety line
// on every ice reminder the session sends (PROTOCOLS.md section 9).
func TestRemindersCarryTheStrongerLineOfTheSafetyAnswers(t *testing.T) {
	dir := t.TempDir()
	st, err := store.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSafety(safety.Answers{At: testStart, Yes: map[safety.ID]bool{safety.Raynaud: true}}); err != nil {
		t.Fatal(err)
	}
	desktop := newHeldNotifier()
	s, err := Open(dir, Options{Clock: func() time.Time { return testStart }, Notifier: desktop})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { desktop.answers <- notify.Result{}; s.Close() }()
	c := iceCourse(testStart)
	ts := c.Transitions(testStart, testStart.Add(time.Nanosecond))
	s.Remind(words.For(c, ts, c.StateAt(testStart), time.UTC), testStart)
	if n := <-desktop.sent; !strings.Contains(n.Body, "Your safety answers call for care with cold") {
		t.Fatalf("the ice reminder's body %q lacks the stronger line", n.Body)
	}
}

// The answer to "is it on?" takes the put-on reminder off the desktop as an
// ack takes a removal's; a score, which answers neither, takes nothing.
func TestAnsweringAPutOnWithdrawsIt(t *testing.T) {
	desktop := newHeldNotifier()
	now := testStart.Add(2 * time.Minute)
	s, err := Open(t.TempDir(), Options{Clock: func() time.Time { return now }, Notifier: desktop})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := iceCourse(testStart)
	c.ConfirmPutOn = true
	if err := s.Start(c); err != nil {
		t.Fatal(err)
	}
	scored, err := c.Do(schedule.Action{Verb: schedule.VerbPain, Score: 4}, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(s.Ticket(), scored); err != nil {
		t.Fatal(err)
	}
	if len(desktop.withdrawn) != 0 {
		t.Fatalf("a score withdrew %v", desktop.withdrawn)
	}
	confirmed, err := scored.Do(schedule.Action{Verb: schedule.VerbAck}, now.Add(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(s.Ticket(), confirmed); err != nil {
		t.Fatal(err)
	}
	if len(desktop.withdrawn) != 1 || desktop.withdrawn[0] != words.Tag(testStart) {
		t.Fatalf("withdrawn %v, want the put-on's tag", desktop.withdrawn)
	}
}
